package dev.modelslabtwin.emulator.stripe.pages;

import dev.modelslabtwin.emulator.core.Services;
import dev.modelslabtwin.emulator.stripe.PaymentIntents;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;

/**
 * The pages a person sees during a payment, served by the emulator itself: hosted Checkout
 * ({@code /checkout/{session_id}}, its success and cancel pages) and the 3D Secure step
 * ({@code /stripe/3ds/{intent_id}}). Plain HTML forms: they work without JavaScript.
 */
public final class HostedPages {

    private HostedPages() {
    }

    public static void install(JavalinConfig config, Services services, PaymentIntents paymentIntents) {
        CheckoutPage checkout = new CheckoutPage(services, paymentIntents);
        config.routes.addHttpHandler(HandlerType.GET, "/checkout/{id}", checkout::show);
        config.routes.addHttpHandler(HandlerType.POST, "/checkout/{id}/pay", checkout::pay);
        config.routes.addHttpHandler(HandlerType.GET, "/checkout/{id}/success", checkout::success);
        config.routes.addHttpHandler(HandlerType.GET, "/checkout/{id}/cancel", checkout::cancel);
        ThreeDSecurePage threeDSecure = new ThreeDSecurePage(services, paymentIntents);
        config.routes.addHttpHandler(HandlerType.GET, "/stripe/3ds/{id}", threeDSecure::show);
        config.routes.addHttpHandler(HandlerType.POST, "/stripe/3ds/{id}", threeDSecure::complete);
    }
}
