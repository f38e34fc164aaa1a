// libFuzzer target: PASCAL VOC annotation XML and VOC results files (formats/voc).
#include <cstddef>
#include <cstdint>

#include "formats/voc.hpp"
#include "fuzz/fuzz_input.hpp"
#include "support/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace algojudge;
    const auto annotations = fuzz::scratch() / "voc_annotations";
    const auto results = fuzz::scratch() / "voc_results";
    fuzz::write_input(annotations / "img1.xml", fuzz::as_text(data, size));
    fuzz::write_input(results / "comp4_det_test_dog.txt", fuzz::as_text(data, size));
    try {
        detection_builder builder;
        read_voc_annotations(builder, annotations);
    } catch (const error&) {
    }
    try {
        detection_builder builder;
        read_voc_results(builder, results);
    } catch (const error&) {
    }
    return 0;
}
