package com.hdcompose.engine.document.history;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Undo/redo stacks for one document (of any type {@code D}), bounded by step count and memory. Consecutive mergeable
 * commands issued within {@link #MERGE_WINDOW_MS} of each other collapse into one step (arrow-key nudges, slider drags).
 */
public final class CommandHistory<D> {
    public static final long MERGE_WINDOW_MS = 1500;

    private final D document;
    private final int maxSteps;
    private final long maxBytes;
    private final LongSupplier clock;
    private final Deque<Command<D>> undo = new ArrayDeque<>();
    private final Deque<Command<D>> redo = new ArrayDeque<>();
    private long lastPushMillis = Long.MIN_VALUE;
    private boolean sealed;
    private Runnable onChange = () -> { };

    public CommandHistory(D document, int maxSteps, long maxBytes, LongSupplier clock) {
        this.document = document;
        this.maxSteps = maxSteps;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public CommandHistory(D document) {
        this(document, 200, 512L << 20, System::currentTimeMillis);
    }

    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Executes {@code command} and records it. */
    public void execute(Command<D> command) {
        command.execute(document);
        record(command);
    }

    /** Records a command whose effect is already in the document (a finished drag or brush stroke). */
    public void record(Command<D> command) {
        redo.clear();
        long now = clock.getAsLong();
        Command<D> top = undo.peek();
        Optional<Command<D>> merged = (top != null && !sealed && now - lastPushMillis <= MERGE_WINDOW_MS)
                ? top.mergeWith(command) : Optional.empty();
        if (merged.isPresent()) {
            undo.pop();
            undo.push(merged.get());
        } else {
            undo.push(command);
        }
        sealed = false;
        lastPushMillis = now;
        trim();
        onChange.run();
    }

    /** Ends the current merge run, so that the next command starts a new undo step. */
    public void seal() {
        sealed = true;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoLabel() {
        return Optional.ofNullable(undo.peek()).map(Command::label);
    }

    public Optional<String> redoLabel() {
        return Optional.ofNullable(redo.peek()).map(Command::label);
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Command<D> c = undo.pop();
        c.undo(document);
        redo.push(c);
        sealed = true;
        onChange.run();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Command<D> c = redo.pop();
        c.execute(document);
        undo.push(c);
        sealed = true;
        onChange.run();
    }

    public void clear() {
        undo.clear();
        redo.clear();
        onChange.run();
    }

    public int undoSize() {
        return undo.size();
    }

    public int redoSize() {
        return redo.size();
    }

    private void trim() {
        while (undo.size() > maxSteps) {
            undo.removeLast();
        }
        long total = 0;
        Iterator<Command<D>> it = undo.iterator();
        while (it.hasNext()) {
            total += it.next().bytes();
            if (total > maxBytes && undo.size() > 1) {
                it.remove();
            }
        }
    }
}
