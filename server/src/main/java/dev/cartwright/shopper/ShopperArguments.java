package dev.cartwright.shopper;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets a controller method take the request's {@link ShopperId} as a parameter. */
@Configuration(proxyBeanMethods = false)
class ShopperArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        // The shopper comes from the cookie, not from a parameter the API document should list.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ShopperId.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ShopperId.class;
    }

    @Override
    public ShopperId resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
            NativeWebRequest request, WebDataBinderFactory binders) {
        Object shopper = request.getAttribute(ShopperCookieFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (shopper == null) {
            throw new IllegalStateException("No shopper for " + request.getDescription(false)
                    + ": ShopperCookieFilter skips this path");
        }
        return (ShopperId) shopper;
    }
}
