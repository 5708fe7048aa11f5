package com.hdcompose.engine.document.history;

import com.hdcompose.engine.document.CompositionDocument;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import java.util.Objects;
import java.util.Optional;

/** Changes the harmonization settings (model, K, strength, working size); one slider drag is one step. */
public record SettingsCommand(String label, HarmonizeOptions before, HarmonizeOptions after, String mergeKey)
        implements Command {
    @Override
    public void execute(CompositionDocument document) {
        document.setSettings(after);
    }

    @Override
    public void undo(CompositionDocument document) {
        document.setSettings(before);
    }

    @Override
    public Optional<Command> mergeWith(Command later) {
        if (mergeKey != null && later instanceof SettingsCommand s && Objects.equals(mergeKey, s.mergeKey)
                && after.equals(s.before)) {
            return Optional.of(new SettingsCommand(label, before, s.after, mergeKey));
        }
        return Optional.empty();
    }
}
