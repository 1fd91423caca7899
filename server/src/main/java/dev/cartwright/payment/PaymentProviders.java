package dev.cartwright.payment;

import dev.cartwright.platform.DatabaseSettings;
import dev.cartwright.platform.StartupRefusal;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which provider takes payments: the one CARTWRIGHT_PAYMENT_PROVIDER names. The simulated
 * provider (its page {@code /pay/{id}} and its webhooks) is the demo's, and the default only on
 * the embedded demo database. A real provider plugs in as a {@link PaymentProvider} bean of its
 * own; a service that would have none does not start.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviders {

    static final String SIMULATED = "simulated";

    /** The provider's name as configured, else the simulated one's on the embedded database; empty when neither. */
    static String chosen(Environment environment) {
        // Conditions run before any bean exists, so the settings are bound here from the environment.
        Binder binder = Binder.get(environment);
        String provider = binder.bindOrCreate("cartwright.payment", PaymentSettings.class).provider();
        String configured = provider == null ? "" : provider.strip();
        if (!configured.isEmpty()) {
            return configured;
        }
        return binder.bindOrCreate("cartwright.database", DatabaseSettings.class).embedded() ? SIMULATED : "";
    }

    /** Runs before any bean is made, so that a missing provider is the one error reported, not a missing bean. */
    @Bean
    static BeanFactoryPostProcessor paymentProviderPresent(Environment environment) {
        return beanFactory -> {
            if (beanFactory.getBeanNamesForType(PaymentProvider.class, true, false).length == 0) {
                throw refusal(chosen(environment));
            }
        };
    }

    private static StartupRefusal refusal(String chosen) {
        String why = chosen.isEmpty()
                ? "CARTWRIGHT_PAYMENT_PROVIDER is not set. With DATABASE_URL this is a real shop, and no payment "
                        + "provider is its default."
                : "CARTWRIGHT_PAYMENT_PROVIDER is '" + chosen + "', and this service has no provider of that name.";
        return new StartupRefusal(why + " The only provider built in is 'simulated', a demo in which no money moves; "
                + "there is no real provider yet (one plugs in at the PaymentProvider port).",
                "To run the demo provider anyway, set CARTWRIGHT_PAYMENT_PROVIDER=simulated.");
    }

    /** The simulated provider, its page and its webhook deliveries exist only when it is the one chosen. */
    static final class SimulatedChosen implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return chosen(context.getEnvironment()).equals(SIMULATED);
        }
    }
}
