package dev.cartwright.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog's products. */
@Repository
public class Products {

    private static final String COLUMNS = "id, sku, name, description, unit_price, image_url";

    private final JdbcClient jdbc;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from product where id = :id")
                .param("id", id)
                .query(Products::product)
                .optional();
    }

    /**
     * Which of these ids are products. Products are never deleted, so an id once found is known
     * for good and asks the database nothing again: a drop's crowd subscribing costs no query.
     */
    public Set<Long> existing(Collection<Long> ids) {
        Long[] unknown = ids.stream().filter(id -> !known.contains(id)).toArray(Long[]::new);
        if (unknown.length > 0) {
            known.addAll(jdbc.sql("select id from product where id = any(:ids)").param("ids", unknown).query(Long.class).list());
        }
        return ids.stream().filter(known::contains).collect(Collectors.toUnmodifiableSet());
    }

    /** Every product, in id order. */
    List<Product> all() {
        return jdbc.sql("select " + COLUMNS + " from product order by id").query(Products::product).list();
    }

    /** Products after {@code afterId} in id order whose name contains {@code query}, ignoring case. */
    List<Product> page(String query, long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from product
                        where id > :afterId and name ilike :pattern escape '\\'
                        order by id
                        limit :limit
                        """)
                .param("afterId", afterId)
                .param("pattern", "%" + escapeLike(query) + "%")
                .param("limit", limit)
                .query(Products::product)
                .list();
    }

    /** Adds a product unless one with its sku exists; answers the product with that sku. */
    Product addIfAbsent(String sku, String name, String description, long unitPrice, String imageUrl) {
        jdbc.sql("""
                        insert into product (sku, name, description, unit_price, image_url)
                        values (:sku, :name, :description, :unitPrice, :imageUrl)
                        on conflict (sku) do nothing
                        """)
                .param("sku", sku)
                .param("name", name)
                .param("description", description)
                .param("unitPrice", unitPrice)
                .param("imageUrl", imageUrl)
                .update();
        return bySku(sku).orElseThrow();
    }

    Optional<Product> bySku(String sku) {
        return jdbc.sql("select " + COLUMNS + " from product where sku = :sku")
                .param("sku", sku)
                .query(Products::product)
                .optional();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), rs.getLong("unit_price"), rs.getString("image_url"));
    }
}
