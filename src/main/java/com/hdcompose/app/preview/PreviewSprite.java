package com.hdcompose.app.preview;

import com.hdcompose.engine.document.Affine2D;
import com.hdcompose.engine.document.PixelRect;
import com.hdcompose.engine.document.Placement;
import com.hdcompose.engine.harmonize.HarmonizeOptions;
import com.hdcompose.engine.harmonize.ModelRun;
import com.hdcompose.engine.render.PreviewFrame;
import com.hdcompose.engine.render.PreviewQuality;
import javafx.scene.image.Image;

/**
 * A harmonization result ready to draw: the harmonized object region with its placed mask as alpha, plus where it
 * was rendered (bounds at {@code scale} × background resolution, placement at the time) and what the model reported.
 */
public record PreviewSprite(Image image, PixelRect bounds, double scale, Placement placement, int objectWidth,
                            int objectHeight, int frameWidth, int frameHeight, HarmonizeOptions options,
                            PreviewQuality quality, ModelRun run, long revision) {

    /** The sprite of {@code frame}, drawn as {@code image}, for an object of the given size. */
    public static PreviewSprite of(PreviewFrame frame, Image image, int objectWidth, int objectHeight) {
        return new PreviewSprite(image, frame.objectBounds(), frame.scale(), frame.placement(), objectWidth,
                objectHeight, frame.harmonized().width(), frame.harmonized().height(), frame.options(),
                frame.quality(), frame.run(), frame.revision());
    }

    /** Maps sprite pixels to background pixels for the placement it was made for. */
    public Affine2D spriteToBackground() {
        return Affine2D.scale(1 / scale, 1 / scale).then(Affine2D.translate(bounds.x(), bounds.y()));
    }

    /** Maps background pixels at render time to background pixels now that the object sits at {@code now}. */
    public Affine2D followObject(Placement now) {
        Affine2D then = placement.objectToBackground(objectWidth, objectHeight);
        return now.objectToBackground(objectWidth, objectHeight).then(then.inverse());
    }
}
