package org.patchlake.agent.endpoint.windows;

import com.sun.jna.PointerType;
import com.sun.jna.platform.win32.COM.COMLateBindingObject;
import com.sun.jna.platform.win32.COM.IDispatch;
import com.sun.jna.platform.win32.OaIdl;
import com.sun.jna.platform.win32.OleAuto;
import com.sun.jna.platform.win32.Variant;
import com.sun.jna.platform.win32.WinError;
import java.util.OptionalDouble;

/**
 * One late-bound automation object ({@code IDispatch}). Every object it hands out is owned by the {@link ComScope}
 * the caller names and released with it; every VARIANT it reads or passes is cleared. The thin layer between COM
 * and the plain readers of this package. Windows only.
 */
final class ComDispatch extends COMLateBindingObject implements ComScope.Owned {

    private static final int GET = OleAuto.DISPATCH_PROPERTYGET;
    private static final int METHOD_OR_GET = OleAuto.DISPATCH_METHOD | OleAuto.DISPATCH_PROPERTYGET;

    private final String name;

    private ComDispatch(IDispatch dispatch, String name) {
        super(dispatch);
        this.name = name;
    }

    private ComDispatch(String progId) {
        super(progId, false);
        this.name = progId;
    }

    /** Creates an automation object by ProgID; use {@link ComScope#create}, which owns it. */
    static ComDispatch create(String progId) {
        return new ComDispatch(progId);
    }

    /** An object-valued property ({@code Identity}, {@code Categories}), owned by {@code owner}. */
    ComDispatch object(ComScope owner, String property) {
        return dispatchOf(owner, read(GET, property), property);
    }

    /** A method (or parameterised property such as a collection's {@code Item}) returning an object owned by {@code owner}. */
    ComDispatch call(ComScope owner, String method, Object... arguments) {
        return dispatchOf(owner, read(METHOD_OR_GET, method, arguments), method);
    }

    /** A method that returns a number ({@code GetTotalHistoryCount}). */
    int callInt(String method, Object... arguments) {
        Variant.VARIANT.ByReference result = read(METHOD_OR_GET, method, arguments);
        try {
            return result.intValue();
        } finally {
            OleAuto.INSTANCE.VariantClear(result);
        }
    }

    /** A method or parameterised property that returns a string ({@code IStringCollection.Item}). */
    String callString(String method, Object... arguments) {
        Variant.VARIANT.ByReference result = read(METHOD_OR_GET, method, arguments);
        try {
            return result.getValue() == null ? null : result.stringValue();
        } finally {
            OleAuto.INSTANCE.VariantClear(result);
        }
    }

    String string(String property) {
        Variant.VARIANT.ByReference result = read(GET, property);
        try {
            Object value = result.getValue();
            return value == null ? null : result.stringValue();
        } finally {
            OleAuto.INSTANCE.VariantClear(result);
        }
    }

    int integer(String property) {
        Variant.VARIANT.ByReference result = read(GET, property);
        try {
            return result.intValue();
        } finally {
            OleAuto.INSTANCE.VariantClear(result);
        }
    }

    /** A DATE property as the raw OLE automation day count (UTC for Windows Update), empty when not set. */
    OptionalDouble oleDate(String property) {
        Variant.VARIANT.ByReference result = read(GET, property);
        try {
            return result.getValue() instanceof OaIdl.DATE date ? OptionalDouble.of(date.date) : OptionalDouble.empty();
        } finally {
            OleAuto.INSTANCE.VariantClear(result);
        }
    }

    void put(String property, Object value) {
        Variant.VARIANT argument = variant(value);
        try {
            setProperty(property, argument);
        } finally {
            OleAuto.INSTANCE.VariantClear(argument);
        }
    }

    /** A method whose result is not needed ({@code RemoveService}). */
    void run(String method, Object... arguments) {
        OleAuto.INSTANCE.VariantClear(read(OleAuto.DISPATCH_METHOD, method, arguments));
    }

    private Variant.VARIANT.ByReference read(int kind, String member, Object... arguments) {
        Variant.VARIANT[] variants = new Variant.VARIANT[arguments.length];
        for (int index = 0; index < arguments.length; index++) {
            variants[index] = variant(arguments[index]);
        }
        Variant.VARIANT.ByReference result = new Variant.VARIANT.ByReference();
        try {
            oleMethod(kind, result, member, variants);
            return result;
        } finally {
            for (Variant.VARIANT variant : variants) {
                OleAuto.INSTANCE.VariantClear(variant);
            }
        }
    }

    private ComDispatch dispatchOf(ComScope owner, Variant.VARIANT.ByReference result, String member) {
        Object value = result.getValue();
        if (value instanceof IDispatch dispatch && value instanceof PointerType pointer && pointer.getPointer() != null) {
            // the reference in the VARIANT becomes the new object's; it is released with the scope, not cleared here
            return owner.track(new ComDispatch(dispatch, name + "." + member));
        }
        OleAuto.INSTANCE.VariantClear(result);
        throw new ComFailure(name + "." + member, WinError.E_POINTER, "returned no object");
    }

    private static Variant.VARIANT variant(Object value) {
        if (value instanceof Integer number) {
            return new Variant.VARIANT(number.intValue());
        }
        if (value instanceof String text) {
            return new Variant.VARIANT(text);
        }
        if (value instanceof Boolean flag) {
            return new Variant.VARIANT(flag.booleanValue());
        }
        throw new IllegalArgumentException("unsupported COM argument " + value);
    }

    @Override
    public String toString() {
        return name;
    }
}
