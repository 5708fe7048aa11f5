package com.hdcompose.engine.document;

import com.hdcompose.engine.document.history.Command;
import com.hdcompose.engine.imaging.ManagedMat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens a new background as one undo step; when its size differs, every layer keeps its relative position and its
 * share of the picture (placements rescaled), so an object does not shrink to a speck on a much larger photo.
 */
public record BackgroundCommand(ManagedMat before, ManagedMat after, Map<ObjectLayer, Placement[]> placements)
        implements Command<CompositionDocument> {

    /** The command for {@code doc} switching to {@code next}. */
    public static BackgroundCommand of(CompositionDocument doc, ManagedMat next) {
        double fx = (double) next.width() / doc.width();
        double fy = (double) next.height() / doc.height();
        double f = Math.sqrt(fx * fy);
        Map<ObjectLayer, Placement[]> moves = new LinkedHashMap<>();
        if (fx != 1 || fy != 1) {
            for (ObjectLayer l : doc.layers()) {
                Placement p = l.placement();
                Placement q = new Placement(p.x() * fx, p.y() * fy, p.scaleX(), p.scaleY(), p.rotation())
                        .withScale(p.scaleX() * f, p.scaleY() * f);
                moves.put(l, new Placement[] {p, q});
            }
        }
        return new BackgroundCommand(doc.background(), next, moves);
    }

    @Override
    public String label() {
        return "Open background";
    }

    @Override
    public void execute(CompositionDocument document) {
        document.setBackground(after);
        placements.forEach((l, p) -> document.setPlacement(l, p[1]));
    }

    @Override
    public void undo(CompositionDocument document) {
        document.setBackground(before);
        placements.forEach((l, p) -> document.setPlacement(l, p[0]));
    }

    @Override
    public long bytes() {
        return 3L * after.width() * after.height() + 64L * placements.size();
    }
}
