package com.hdcompose.engine.harmonize;

import com.hdcompose.engine.imaging.ManagedMat;
import com.hdcompose.engine.task.CancellationToken;
import java.util.ArrayList;
import java.util.List;

/** Stands in for a model whose file is missing: runs another harmonizer and says so in every result's warnings. */
public final class FallbackHarmonizer implements Harmonizer {
    private final Harmonizer delegate;
    private final String notice;

    public FallbackHarmonizer(Harmonizer delegate, String notice) {
        this.delegate = delegate;
        this.notice = notice;
    }

    /** The notice for a model id whose file is not installed, falling back to {@code delegate}. */
    public static FallbackHarmonizer forMissingModel(String missingId, Harmonizer delegate) {
        return new FallbackHarmonizer(delegate,
                "model " + missingId + " is not installed: using " + delegate.id() + " instead");
    }

    /** The id of the harmonizer that really runs. */
    @Override
    public String id() {
        return delegate.id();
    }

    public String notice() {
        return notice;
    }

    @Override
    public HarmonizeResult harmonize(ManagedMat composite, ManagedMat mask, HarmonizeOptions options,
                                     CancellationToken cancel) {
        HarmonizeResult r = delegate.harmonize(composite, mask, options, cancel);
        List<String> warnings = new ArrayList<>();
        warnings.add(notice);
        warnings.addAll(r.warnings());
        return new HarmonizeResult(r.image(), r.knn(), List.copyOf(warnings), r.modelUsed(), r.inferenceMillis(),
                r.totalMillis());
    }
}
