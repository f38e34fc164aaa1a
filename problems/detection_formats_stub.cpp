// Temporary stand-ins so the ap branch links before the ap2 branch lands; the lead deletes
// this file at merge (problems/detection_formats.cpp replaces it).
#include <string>

#include "problems/detection_formats.hpp"

namespace algojudge {

detection_set load_voc(const std::filesystem::path& annotations_dir, const std::filesystem::path&) {
    throw case_file_error(annotations_dir.string() + ": the voc format is not built in yet");
}

detection_set load_coco(const std::filesystem::path& instances_json, const std::filesystem::path&) {
    throw case_file_error(instances_json.string() + ": the coco format is not built in yet");
}

}  // namespace algojudge
