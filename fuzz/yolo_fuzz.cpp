// libFuzzer target: YOLO label files (formats/yolo) as ground truth and as detections, with the
// confidence last and first, unscaled and scaled by an image-sizes file read from the same
// bytes; and the bytes as a --names file (formats/class_names).
#include <cstddef>
#include <cstdint>

#include "formats/class_names.hpp"
#include "formats/yolo.hpp"
#include "fuzz/fuzz_input.hpp"
#include "support/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace algojudge;
    const auto dir = fuzz::scratch() / "yolo";
    const auto text = fuzz::as_text(data, size);
    fuzz::write_input(dir / "img1.txt", text);
    fuzz::write_input(fuzz::scratch() / "input.names", text);
    static const image_sizes sizes{"sizes.txt", {{"img1", {640, 480}}}};
    for (const yolo_score score : {yolo_score::last, yolo_score::first}) {
        for (const image_sizes* scale : {static_cast<const image_sizes*>(nullptr), &sizes}) {
            const yolo_options options{score, scale};
            try {
                detection_builder builder;
                read_yolo_ground_truth(builder, dir, options);
            } catch (const error&) {
            }
            try {
                detection_builder builder;
                read_yolo_detections(builder, dir, options);
                name_numeric_classes(builder.set(), {"names", {"a", "b"}});
            } catch (const error&) {
            }
        }
    }
    try {
        read_class_names(fuzz::scratch() / "input.names");
    } catch (const error&) {
    }
    try {
        read_image_sizes(fuzz::scratch() / "input.names");
    } catch (const error&) {
    }
    return 0;
}
