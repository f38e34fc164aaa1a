// libFuzzer target: COCO instances and results files (formats/coco). The input is the
// instances file beside a small valid results list, then the results beside valid instances.
#include <cstddef>
#include <cstdint>

#include "formats/coco.hpp"
#include "fuzz/fuzz_input.hpp"
#include "support/errors.hpp"

namespace {

constexpr std::string_view valid_instances =
    R"({"images": [{"id": 1, "file_name": "a.jpg"}], "categories": [{"id": 1, "name": "dog"}],
        "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 2]}]})";
constexpr std::string_view valid_results =
    R"([{"image_id": 1, "category_id": 1, "bbox": [0, 0, 2, 2], "score": 0.5}])";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace algojudge;
    const std::string_view text = fuzz::as_text(data, size);
    const auto dir = fuzz::scratch() / "coco";
    try {
        load_coco(fuzz::write_input(dir / "instances.json", text),
                  fuzz::write_input(dir / "results.json", valid_results));
    } catch (const error&) {
    }
    try {
        load_coco(fuzz::write_input(dir / "instances.json", valid_instances),
                  fuzz::write_input(dir / "results.json", text));
    } catch (const error&) {
    }
    return 0;
}
