package com.hdcompose.selftest;

import com.hdcompose.engine.harmonize.HarmonizeException;
import com.hdcompose.engine.harmonize.HarmonizerProvider;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The application's {@link HarmonizerProvider} for the self-test: the ONNX model catalog
 * ({@value #CATALOG}), found at run time so this package compiles without the ONNX integration. It is created by a
 * public static no-argument factory method returning a provider, else by its public no-argument constructor; both
 * find the models directory themselves ({@code hdcompose.models.dir}, set by the installer's launcher).
 */
public final class DefaultProvider {
    static final String CATALOG = "com.hdcompose.onnx.ModelCatalog";

    private DefaultProvider() {
    }

    public static HarmonizerProvider create() {
        Class<?> type;
        try {
            type = Class.forName(CATALOG);
        } catch (ClassNotFoundException e) {
            throw HarmonizeException.internal("this build has no model catalog (" + CATALOG + ")", e);
        }
        if (!HarmonizerProvider.class.isAssignableFrom(type)) {
            throw HarmonizeException.internal(CATALOG + " is not a HarmonizerProvider", null);
        }
        try {
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                        && HarmonizerProvider.class.isAssignableFrom(m.getReturnType())) {
                    return (HarmonizerProvider) m.invoke(null);
                }
            }
            Constructor<?> c = type.getConstructor();
            return (HarmonizerProvider) c.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw HarmonizeException.internal("cannot open the model catalog: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw HarmonizeException.internal("cannot open the model catalog: " + e, e);
        }
    }
}
