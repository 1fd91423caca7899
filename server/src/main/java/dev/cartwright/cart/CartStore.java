package dev.cartwright.cart;

import dev.cartwright.shopper.ShopperId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cart and cart_item tables. */
@Repository
class CartStore {

    /** A cart's identity, version and coupon as read (or locked) in the current transaction. */
    record CartRow(UUID id, long version, Pricing.@Nullable Discount coupon) {

        CartRow next() {
            return new CartRow(id, version + 1, coupon);
        }
    }

    private static final String CART_COLUMNS = "id, version, coupon_code, coupon_kind, coupon_amount, coupon_minimum";

    record LineRow(long id, long productId, int quantity, boolean selected) {}

    /** A line as a cart answer shows it: with its product's name and price and what is available of it. */
    record ShownLine(long id, long productId, String name, long unitPrice, int quantity, boolean selected, int available) {}

    /** What a cart holds and how many shoppers use it, as one statement saw them. */
    record Contents(List<ShownLine> lines, int members) {}

    /**
     * A quantity change as its one statement decided it: {@code cart} and {@code contents} are the cart
     * after it when applied, else as it is; {@code inCart} and {@code available} are of the product, before.
     */
    record QuantityChange(Verdict verdict, CartRow cart, Contents contents, int inCart, int available,
            @Nullable String productName) {

        /** {@code SEEN_OLDER}: the statement's snapshot predates the lock it was granted, so it wrote nothing. */
        enum Verdict { APPLIED, SEEN_OLDER, VERSION_MISMATCH, UNKNOWN_PRODUCT, LINE_LIMIT, LINE_QUANTITY_LIMIT, INSUFFICIENT_STOCK }
    }

    private final JdbcClient jdbc;

    CartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cart the shopper uses, if they have one yet: a guest's cart appears with their first change. */
    Optional<CartRow> cartOf(ShopperId shopper) {
        return jdbc.sql("select " + CART_COLUMNS + " from cart where id = " + CURRENT_CART)
                .param("shopper", shopper.value())
                .query(CartStore::cartRow)
                .optional();
    }

    /** The cart a shopper uses: the one they joined, or else their own. */
    private static final String CURRENT_CART = """
            coalesce((select cart_id from cart_member where shopper_id = :shopper),
                     (select id from cart where owner_id = :shopper))""";

    /**
     * The shopper's cart, locked until the transaction ends: every change to one cart runs
     * after the previous one, so each sees the lines the last one left. Empty answers mean the
     * shopper has no cart yet; {@link #create} makes it.
     */
    Optional<CartRow> lock(ShopperId shopper) {
        return jdbc.sql("select " + CART_COLUMNS + " from cart where id = " + CURRENT_CART + " for update")
                .param("shopper", shopper.value())
                .query(CartStore::cartRow)
                .optional();
    }

    /** Makes the shopper's own cart under the id it was shown with before it existed; a concurrent maker wins harmlessly. */
    void create(ShopperId shopper) {
        jdbc.sql("insert into cart (id, owner_id) values (:id, :owner) on conflict (owner_id) do nothing")
                .param("id", Carts.ownCartId(shopper))
                .param("owner", shopper.value())
                .update();
    }

    /** Locks these carts, in id order: two carts are only ever locked together in that order. */
    void lockInIdOrder(List<UUID> cartIds) {
        jdbc.sql("select id from cart where id = any(:ids) order by id for update")
                .param("ids", cartIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** A line of one of two carts being merged, with its product's name and what is available of it. */
    record MergeLine(UUID cartId, long productId, String name, int quantity, boolean selected, int available) {}

    List<MergeLine> mergeLines(UUID from, UUID into) {
        return jdbc.sql("""
                        select i.cart_id, i.product_id, p.name, i.quantity, i.selected,
                               coalesce(s.on_hand - s.reserved, 0) as available
                          from cart_item i
                          join product p on p.id = i.product_id
                          left join stock s on s.product_id = i.product_id
                         where i.cart_id in (:from, :into)
                         order by i.id
                        """)
                .param("from", from)
                .param("into", into)
                .query((rs, row) -> new MergeLine(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getInt(6)))
                .list();
    }

    /** Sets these lines' quantities in the cart, making those it lacks (selected as given); a line it has keeps its selection. */
    void writeMerged(UUID cartId, List<MergeLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into cart_item (cart_id, product_id, quantity, selected)
                        select :cart, w.product_id, w.quantity, w.selected
                          from unnest(cast(:products as bigint[]), cast(:quantities as int[]), cast(:selected as boolean[]))
                               with ordinality as w(product_id, quantity, selected, n)
                         order by w.n
                        on conflict (cart_id, product_id) do update set quantity = excluded.quantity
                        """)
                .param("cart", cartId)
                .param("products", lines.stream().map(MergeLine::productId).toArray(Long[]::new))
                .param("quantities", lines.stream().map(MergeLine::quantity).toArray(Integer[]::new))
                .param("selected", lines.stream().map(MergeLine::selected).toArray(Boolean[]::new))
                .update();
    }

    /** Empties the cart of its lines and its coupon; the version grows by one. */
    void empty(UUID cartId) {
        jdbc.sql("""
                        with removed as (delete from cart_item where cart_id = :cart)
                        update cart set version = version + 1, updated_at = now(), coupon_code = null, coupon_kind = null,
                                        coupon_amount = null, coupon_minimum = null
                         where id = :cart
                        """)
                .param("cart", cartId)
                .update();
    }

    /** Locks a cart known by id, for changes made on the shopper's behalf (a paid checkout). */
    Optional<CartRow> lock(UUID cartId) {
        return jdbc.sql("select " + CART_COLUMNS + " from cart where id = :id for update")
                .param("id", cartId)
                .query(CartStore::cartRow)
                .optional();
    }

    /** A cart and what it holds, read by one statement, so they are of one moment. */
    record Shown(CartRow cart, Contents contents) {}

    /** The cart the shopper uses, with its lines, in one statement; empty when they have none yet. */
    Optional<Shown> shown(ShopperId shopper) {
        return shown("c.id = " + CURRENT_CART, "shopper", shopper.value());
    }

    Optional<Shown> shown(UUID cartId) {
        return shown("c.id = :id", "id", cartId);
    }

    private Optional<Shown> shown(String which, String name, Object value) {
        List<ShownLine> lines = new ArrayList<>();
        List<Shown> head = new ArrayList<>(1);
        jdbc.sql("""
                        select c.id, c.version, c.coupon_code, c.coupon_kind, c.coupon_amount, c.coupon_minimum, m.members,
                               i.id as line_id, i.product_id, p.name, p.unit_price, i.quantity, i.selected,
                               coalesce(s.on_hand - s.reserved, 0) as line_available
                          from cart c
                         cross join lateral (select 1 + count(*) as members from cart_member where cart_id = c.id) m
                          left join cart_item i on i.cart_id = c.id
                          left join product p on p.id = i.product_id
                          left join stock s on s.product_id = i.product_id
                         where %s
                         order by i.id
                        """.formatted(which))
                .param(name, value)
                .query(rs -> {
                    if (head.isEmpty()) {
                        head.add(new Shown(cartRow(rs, 0), new Contents(lines, rs.getInt("members"))));
                    }
                    if (rs.getObject("line_id") != null) {
                        lines.add(shownLine(rs));
                    }
                });
        return head.stream().findFirst()
                .map(first -> new Shown(first.cart(), new Contents(List.copyOf(lines), first.contents().members())));
    }

    /** The cart's lines with their products and stock, and how many shoppers use it (its owner and those who joined), in one read. */
    Contents contents(UUID cartId) {
        List<ShownLine> lines = new ArrayList<>();
        int[] members = {1};
        jdbc.sql("""
                        select i.id as line_id, i.product_id, p.name, p.unit_price, i.quantity, i.selected,
                               coalesce(s.on_hand - s.reserved, 0) as line_available, m.members
                          from (select 1 + count(*) as members from cart_member where cart_id = :cart) m
                          left join cart_item i on i.cart_id = :cart
                          left join product p on p.id = i.product_id
                          left join stock s on s.product_id = i.product_id
                         order by i.id
                        """)
                .param("cart", cartId)
                .query(rs -> {
                    members[0] = rs.getInt("members");
                    if (rs.getObject("line_id") != null) {
                        lines.add(shownLine(rs));
                    }
                });
        return new Contents(List.copyOf(lines), members[0]);
    }

    /**
     * Sets the quantity of the product's line in the shopper's cart, making the line when there is
     * none, in one statement: it locks the cart, checks the change, writes it, bumps the version and
     * answers the cart as it now is. Empty when the shopper has no cart yet.
     *
     * <p>The lines it reads are of the statement's snapshot, taken before the cart's lock was granted.
     * When a change committed in between (the locked version is newer than the one seen) it writes
     * nothing and runs again, now holding the lock, so every answer is the whole cart at its version.
     */
    Optional<QuantityChange> setProductQuantity(ShopperId shopper, long productId, int quantity,
            @Nullable Long expectedVersion, CartLimits limits) {
        // The second run holds the lock from the start, so its snapshot cannot be older than the cart.
        for (int run = 0; run < 3; run++) {
            Optional<QuantityChange> change = decideProductQuantity(shopper, productId, quantity, expectedVersion, limits);
            if (change.isEmpty() || change.get().verdict() != QuantityChange.Verdict.SEEN_OLDER) {
                return change;
            }
        }
        throw new IllegalStateException("A locked cart was seen older than it is, three times");
    }

    /**
     * The no-oversell rule of carts lives here too, in the verdict: a line may only grow to what is
     * available. Every check is made before anything is written, and nothing is written unless all pass.
     */
    private static final String SET_PRODUCT_QUANTITY = """
            with locked as materialized (
                select id, version, coupon_code, coupon_kind, coupon_amount, coupon_minimum
                  from cart where id = %s for update
            ),
            seen as materialized (select version from cart where id = (select id from locked)),
            line as materialized (
                select quantity from cart_item where cart_id = (select id from locked) and product_id = :product
            ),
            wanted as materialized (select name from product where id = :product),
            level as materialized (select on_hand - reserved as available from stock where product_id = :product),
            verdict as materialized (
                select case
                    when (select version from seen) is distinct from (select version from locked) then 'SEEN_OLDER'
                    when cast(:expected as bigint) <> (select version from locked) then 'VERSION_MISMATCH'
                    when not exists (select from wanted) then 'UNKNOWN_PRODUCT'
                    when not exists (select from line)
                         and (select count(*) from cart_item where cart_id = (select id from locked)) >= :maxLines then 'LINE_LIMIT'
                    when :quantity > :maxQuantity then 'LINE_QUANTITY_LIMIT'
                    when :quantity > coalesce((select quantity from line), 0)
                         and :quantity > coalesce((select available from level), 0) then 'INSUFFICIENT_STOCK'
                    else 'APPLIED' end as verdict
                  from locked
            ),
            written as (
                insert into cart_item (cart_id, product_id, quantity)
                select (select id from locked), :product, :quantity from verdict where verdict = 'APPLIED'
                on conflict (cart_id, product_id) do update set quantity = excluded.quantity
                returning id, product_id, quantity, selected
            ),
            bumped as (
                update cart set version = version + 1, updated_at = now()
                 where id = (select id from locked) and exists (select from written)
                returning version
            ),
            lines as (
                select id, product_id, quantity, selected from cart_item
                 where cart_id = (select id from locked) and not (product_id = :product and exists (select from written))
                union all
                select id, product_id, quantity, selected from written
            )
            select v.verdict, c.id, coalesce((select version from bumped), c.version) as version,
                   c.coupon_code, c.coupon_kind, c.coupon_amount, c.coupon_minimum,
                   coalesce((select quantity from line), 0) as in_cart, coalesce((select available from level), 0) as available,
                   (select name from wanted) as product_name,
                   1 + (select count(*) from cart_member where cart_id = c.id) as members,
                   l.id as line_id, l.product_id, p.name, p.unit_price, l.quantity, l.selected,
                   coalesce(s.on_hand - s.reserved, 0) as line_available
              from verdict v cross join locked c
              left join lines l on true
              left join product p on p.id = l.product_id
              left join stock s on s.product_id = l.product_id
             order by l.id
            """.formatted(CURRENT_CART);

    private Optional<QuantityChange> decideProductQuantity(ShopperId shopper, long productId, int quantity,
            @Nullable Long expectedVersion, CartLimits limits) {
        List<ShownLine> lines = new ArrayList<>();
        List<QuantityChange> head = new ArrayList<>(1);
        jdbc.sql(SET_PRODUCT_QUANTITY)
                .param("shopper", shopper.value())
                .param("product", productId)
                .param("quantity", quantity)
                .param("expected", expectedVersion, Types.BIGINT)
                .param("maxLines", limits.maxLines())
                .param("maxQuantity", limits.maxQuantityPerLine())
                .query(rs -> {
                    if (head.isEmpty()) {
                        head.add(new QuantityChange(QuantityChange.Verdict.valueOf(rs.getString("verdict")),
                                cartRow(rs, 0), new Contents(lines, rs.getInt("members")), rs.getInt("in_cart"),
                                rs.getInt("available"), rs.getString("product_name")));
                    }
                    if (rs.getObject("line_id") != null) {
                        lines.add(shownLine(rs));
                    }
                });
        return head.stream().findFirst().map(change -> new QuantityChange(change.verdict(), change.cart(),
                new Contents(List.copyOf(lines), change.contents().members()), change.inCart(), change.available(),
                change.productName()));
    }

    void setCoupon(UUID cartId, Pricing.@Nullable Discount coupon) {
        jdbc.sql("""
                        update cart set coupon_code = :code, coupon_kind = :kind, coupon_amount = :amount,
                                        coupon_minimum = :minimum
                         where id = :id
                        """)
                .param("id", cartId)
                .param("code", coupon == null ? null : coupon.code())
                .param("kind", coupon == null ? null : coupon.kind().name())
                .param("amount", coupon == null ? null : coupon.amount())
                .param("minimum", coupon == null ? null : coupon.minimumSubtotal())
                .update();
    }

    /** Marks a change: the version grows by one. */
    void bump(UUID cartId) {
        jdbc.sql("update cart set version = version + 1, updated_at = now() where id = :id")
                .param("id", cartId)
                .update();
    }

    List<LineRow> lines(UUID cartId) {
        return jdbc.sql("select id, product_id, quantity, selected from cart_item where cart_id = :cart order by id")
                .param("cart", cartId)
                .query((rs, row) -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
                .list();
    }

    Optional<LineRow> line(UUID cartId, long lineId) {
        return jdbc.sql("select id, product_id, quantity, selected from cart_item where cart_id = :cart and id = :id")
                .param("cart", cartId)
                .param("id", lineId)
                .query((rs, row) -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
                .optional();
    }

    Optional<LineRow> lineOfProduct(UUID cartId, long productId) {
        return jdbc.sql("select id, product_id, quantity, selected from cart_item where cart_id = :cart and product_id = :product")
                .param("cart", cartId)
                .param("product", productId)
                .query((rs, row) -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
                .optional();
    }

    /** Adding selects the line: the shopper means to buy it. */
    void addLine(UUID cartId, long productId, int quantity) {
        jdbc.sql("""
                        insert into cart_item (cart_id, product_id, quantity) values (:cart, :product, :quantity)
                        on conflict (cart_id, product_id) do update set quantity = excluded.quantity, selected = true
                        """)
                .param("cart", cartId)
                .param("product", productId)
                .param("quantity", quantity)
                .update();
    }

    void setQuantity(long lineId, int quantity) {
        jdbc.sql("update cart_item set quantity = :quantity where id = :id")
                .param("id", lineId)
                .param("quantity", quantity)
                .update();
    }

    void select(long lineId, boolean selected) {
        jdbc.sql("update cart_item set selected = :selected where id = :id")
                .param("id", lineId)
                .param("selected", selected)
                .update();
    }

    /** Answers how many lines the cart has. */
    int selectAll(UUID cartId, boolean selected) {
        return jdbc.sql("update cart_item set selected = :selected where cart_id = :cart")
                .param("cart", cartId)
                .param("selected", selected)
                .update();
    }

    /** Lowers a line by what was bought of it, removing it when nothing is left. */
    void removePurchased(UUID cartId, long productId, int quantity) {
        jdbc.sql("delete from cart_item where cart_id = :cart and product_id = :product and quantity <= :quantity")
                .param("cart", cartId)
                .param("product", productId)
                .param("quantity", quantity)
                .update();
        jdbc.sql("update cart_item set quantity = quantity - :quantity where cart_id = :cart and product_id = :product")
                .param("cart", cartId)
                .param("product", productId)
                .param("quantity", quantity)
                .update();
    }

    /**
     * Lowers the cart's lines of these products to what is available, removing those with nothing
     * left, and bumps the version, in one statement; lines already within what is available stay.
     */
    void lowerToAvailable(UUID cartId, Map<Long, Integer> available) {
        jdbc.sql("""
                        with wanted as (
                            select * from unnest(cast(:products as bigint[]), cast(:left as int[])) as w(product_id, units)
                        ),
                        removed as (
                            delete from cart_item i using wanted w
                             where i.cart_id = :cart and i.product_id = w.product_id and w.units <= 0
                        ),
                        lowered as (
                            update cart_item i set quantity = w.units from wanted w
                             where i.cart_id = :cart and i.product_id = w.product_id and w.units > 0 and i.quantity > w.units
                        )
                        update cart set version = version + 1, updated_at = now() where id = :cart
                        """)
                .param("cart", cartId)
                .param("products", available.keySet().toArray(Long[]::new))
                .param("left", available.keySet().stream().map(available::get).toArray(Integer[]::new))
                .update();
    }

    void remove(long lineId) {
        jdbc.sql("delete from cart_item where id = :id").param("id", lineId).update();
    }

    private static ShownLine shownLine(ResultSet rs) throws SQLException {
        return new ShownLine(rs.getLong("line_id"), rs.getLong("product_id"), rs.getString("name"), rs.getLong("unit_price"),
                rs.getInt("quantity"), rs.getBoolean("selected"), rs.getInt("line_available"));
    }

    private static CartRow cartRow(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("coupon_code");
        Pricing.Discount coupon = code == null ? null : new Pricing.Discount(code,
                Pricing.Discount.Kind.valueOf(rs.getString("coupon_kind")), rs.getLong("coupon_amount"),
                rs.getLong("coupon_minimum"));
        return new CartRow(rs.getObject("id", UUID.class), rs.getLong("version"), coupon);
    }
}
