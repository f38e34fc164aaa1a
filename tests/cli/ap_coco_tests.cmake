# `algojudge ap --protocol coco|both` (docs/average-precision.md, "COCO protocol"): pycocotools'
# numbers bit-for-bit on the generated sets with pycocotools' own results, its text layout, the
# JSON keys, COCO on a VOC input, the error cases and the plots.
set(ap_coco @DATA@/ap/coco)
set(ap_coco_toy @DATA@/ap/formats/toyexample)

# Every set with pycocotools' results: the copies in tests/data (always) and the shared ones.
set(ap_coco_sets ${PROJECT_SOURCE_DIR}/tests/data/ap/coco/tiny-11
                 ${PROJECT_SOURCE_DIR}/tests/data/ap/coco/tiny-13-zero-gt-id)
set(ap_coco_shared ${PROJECT_SOURCE_DIR}/../shared/data-samples/coco)
if(EXISTS ${ap_coco_shared})
    file(GLOB ap_coco_shared_sets LIST_DIRECTORIES true ${ap_coco_shared}/*)
    foreach(dir IN LISTS ap_coco_shared_sets)
        if(EXISTS ${dir}/pycocotools.json)
            list(APPEND ap_coco_sets ${dir})
        endif()
    endforeach()
endif()
foreach(dir IN LISTS ap_coco_sets)
    get_filename_component(set_name ${dir} NAME)
    string(FIND "${dir}" "${ap_coco_shared}" at)
    if(at EQUAL 0)
        set(where shared)
    else()
        set(where local)
    endif()
    add_test(NAME cli.ap_coco_pycocotools_${where}_${set_name}
             COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:algojudge> -DDIR=${dir}
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/compare_coco.cmake)
endforeach()

# The whole text output: the twelve lines as pycocotools prints them (checked against its
# stats with its format string), then the per-class table.
algojudge_cli_test(NAME ap_coco_text_tiny_11 EXIT 0
    ARGS ap --protocol coco --gt ${ap_coco}/tiny-11/instances.json
         --det ${ap_coco}/tiny-11/results.json
    STDOUT_FILE ${ap_coco}/tiny-11/expected.txt)
algojudge_cli_test(NAME ap_coco_text_tiny_13_zero_gt_id EXIT 0
    ARGS ap --protocol coco --gt ${ap_coco}/tiny-13-zero-gt-id/instances.json
         --det ${ap_coco}/tiny-13-zero-gt-id/results.json
    STDOUT_FILE ${ap_coco}/tiny-13-zero-gt-id/expected.txt)

# both: the VOC keys as today, then "coco" and "coco_classes"; the text has both tables.
algojudge_cli_test(NAME ap_coco_both_json EXIT 0
    ARGS ap --protocol both --json --gt ${ap_coco}/tiny-11/instances.json
         --det ${ap_coco}/tiny-11/results.json
    STDOUT "^{\"classes\":" "\"map_area\":[^}]*\"coco\":{\"AP\":0\\.26788271134805786,"
           "\"coco_classes\":{\"cat14\":{\"AP\":-1\\.0,\"AP50\":-1\\.0,\"AP75\":-1\\.0,\"APs\":-1\\.0,\"APm\":-1\\.0,\"APl\":-1\\.0,\"AR100\":-1\\.0}"
           "\"ARl\":0\\.55}")
algojudge_cli_test(NAME ap_coco_both_text EXIT 0
    ARGS ap --protocol both --gt ${ap_coco}/tiny-11/instances.json
         --det ${ap_coco}/tiny-11/results.json
    STDOUT "AP area %" "verdict: " "\n Average Precision  \\(AP\\) @\\[ IoU=0\\.50:0\\.95 \\| area=   all \\| maxDets=100 \\] = 0\\.268\n"
           "\nclass +GT +AP +AP50 +AP75 +APs +APm +APl +AR100\n")
algojudge_cli_test(NAME ap_coco_voc_default_unchanged EXIT 0
    ARGS ap --json --gt ${ap_coco}/tiny-11/instances.json --det ${ap_coco}/tiny-11/results.json
    STDOUT "\"map_area\"" STDOUT_NOT "\"coco\":")

# A VOC input: areas are w*h and nothing is crowd, so it equals the COCO files of the same boxes
# without `area` fields (toyexample: every box is large).
foreach(variant voc coco)
    if(variant STREQUAL voc)
        set(inputs --format voc
            --gt @DATA@/ap/review_object_detection_metrics/toyexample/gts_vocpascal_format
            --det ${ap_coco_toy}/voc_results)
    else()
        set(inputs --gt ${ap_coco_toy}/coco/instances.json --det ${ap_coco_toy}/coco/results.json)
    endif()
    algojudge_cli_test(NAME ap_coco_toyexample_${variant} EXIT 0
        ARGS ap --protocol coco --json ${inputs}
        STDOUT "\"coco\":{\"AP\":0\\.5979231494578029,\"AP50\":0\\.8902640264026401,\"AP75\":0\\.5092409240924093,\"APs\":-1\\.0,\"APm\":-1\\.0,\"APl\":0\\.5979231494578029,\"AR1\":0\\.55,"
               "\"cat\":{\"AP\":0\\.5979231494578029,")
endforeach()

# Errors and the empty list.
algojudge_cli_test(NAME ap_coco_unknown_image EXIT 2
    ARGS ap --protocol coco --gt ${ap_coco_toy}/coco/instances.json
         --det ${ap_coco}/bad/unknown_image_results.json
    STDERR "^algojudge: error: [^\n]*unknown_image_results\\.json: \\[1\\]\\.image_id: unknown image id 77 \\(not in the images of instances\\.json\\)")
algojudge_cli_test(NAME ap_coco_shifted_category EXIT 2
    ARGS ap --protocol coco --gt ${ap_coco_toy}/coco/instances.json
         --det ${ap_coco}/bad/shifted_category_results.json
    STDERR "\\[0\\]\\.category_id: unknown category id 0 \\(not in the categories of instances\\.json, whose ids are 1 to 20 \\(20 ids\\). a shifted class index is the usual cause\\)")
algojudge_cli_test(NAME ap_coco_empty_results EXIT 0
    ARGS ap --protocol coco --json --gt ${ap_coco}/tiny-11/instances.json
         --det ${ap_coco}/bad/empty_results.json
    STDERR "note: no detections: every COCO number is 0, or -1 where there is no ground truth"
    STDOUT "\"coco\":{\"AP\":0\\.0,\"AP50\":0\\.0," "\"cat14\":{\"AP\":-1\\.0,")

# --plot: the VOC files plus coco-<class>.svg per class, every file well-formed XML.
algojudge_cli_test(NAME ap_coco_plot EXIT 0
    ARGS ap --protocol both --gt ${ap_coco}/tiny-11/instances.json
         --det ${ap_coco}/tiny-11/results.json --plot @WORK@/plots
    THEN xmllint --noout @WORK@/plots/index.html @WORK@/plots/cat42.svg
         @WORK@/plots/coco-cat14.svg @WORK@/plots/coco-cat42.svg @WORK@/plots/coco-cat44.svg
         @WORK@/plots/coco-cat76.svg)
algojudge_cli_test(NAME ap_coco_plot_curves EXIT 0
    ARGS ap --protocol coco --gt ${ap_coco}/tiny-11/instances.json
         --det ${ap_coco}/tiny-11/results.json --plot @WORK@/plots
    THEN grep -c "<polyline" @WORK@/plots/coco-cat42.svg)
