package dev.alertbook.promql.engine;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The functions that map each sample's value on its own, with Go's {@code math} semantics. */
final class MathFunctions {

    static final Map<String, DoubleUnaryOperator> ALL = Map.ofEntries(
            Map.entry("abs", Math::abs),
            Map.entry("ceil", Math::ceil),
            Map.entry("floor", Math::floor),
            Map.entry("exp", Math::exp),
            Map.entry("sqrt", Math::sqrt),
            Map.entry("ln", Math::log),
            Map.entry("log2", MathFunctions::log2),
            Map.entry("log10", Math::log10),
            Map.entry("sin", Math::sin),
            Map.entry("cos", Math::cos),
            Map.entry("tan", Math::tan),
            Map.entry("asin", Math::asin),
            Map.entry("acos", Math::acos),
            Map.entry("atan", Math::atan),
            Map.entry("sinh", Math::sinh),
            Map.entry("cosh", Math::cosh),
            Map.entry("tanh", Math::tanh),
            Map.entry("asinh", MathFunctions::asinh),
            Map.entry("acosh", MathFunctions::acosh),
            Map.entry("atanh", MathFunctions::atanh),
            Map.entry("deg", v -> v * 180 / Math.PI),
            Map.entry("rad", v -> v * Math.PI / 180),
            Map.entry("sgn", Math::signum));

    private MathFunctions() {
    }

    /** Go's Log2 is exact for powers of two, which {@code log(x)/log(2)} is not. */
    static double log2(double x) {
        if (x > 0 && !Double.isInfinite(x)) {
            int exponent = Math.getExponent(x);
            if (exponent >= Double.MIN_EXPONENT && x == Math.scalb(1.0, exponent)) {
                return exponent;
            }
        }
        return Math.log(x) / Math.log(2);
    }

    static double asinh(double x) {
        if (x == 0 || Double.isInfinite(x) || Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        return Math.copySign(Math.log(a + Math.sqrt(a * a + 1)), x);
    }

    static double acosh(double x) {
        return x < 1 ? Double.NaN : Math.log(x + Math.sqrt(x * x - 1));
    }

    static double atanh(double x) {
        if (x < -1 || x > 1) {
            return Double.NaN;
        }
        return x == 0 ? x : 0.5 * Math.log((1 + x) / (1 - x));
    }
}
