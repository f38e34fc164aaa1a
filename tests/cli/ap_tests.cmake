# `algojudge ap`: the json and text formats, --json, the published numbers, and errors (exit 2
# with the file and the line or JSON path).

algojudge_cli_test(NAME ap.json_table EXIT 0
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --pixel-plus-one
    STDOUT "IoU 0.3 \\(>=\\), \\+1 pixel widths"
           "class +GT +difficult +detections +TP +FP +ignored +AP 11-point % +AP area % +area - 11pt"
           "person +15 +0 +24 +7 +17 +0 +26.84 +24.57 +-2.27"
           "mAP \\(1 class\\) +26.84 +24.57 +-2.27"
           "verdict: 11-point and area mAP differ by 2.27 points")

algojudge_cli_test(NAME ap.json_input_option EXIT 0
    ARGS ap --input @DATA@/ap/converted/padilla_odm_sample.json --format json
    STDOUT "person +15 +0 +24 +6 +18 +0 +26.84 +22.54")

algojudge_cli_test(NAME ap.json_output EXIT 0
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --pixel-plus-one --json
    STDOUT "^\\{\"classes\":\\{\"person\":\\{\"ap_101point\":[0-9.]+,\"ap_11point\":0.2683982683982683[0-9]*,\"ap_area\":0.2456866804692891[0-9]*,\"fp\":17,\"num_detections\":24,\"num_difficult\":0,\"num_gt\":15,\"tp\":7\\}\\},\"map_101point\""
    STDOUT_NOT "verdict")

algojudge_cli_test(NAME ap.json_classes_without_ground_truth EXIT 0
    ARGS ap @DATA@/ap/converted/cartucho_input.json --pixel-plus-one
    STDOUT "keyboard +0 +0 +1 +0 +1 +0 +n/a +n/a +n/a"
           "mAP \\(30 classes\\) +31.70 +31.05"
           "8 classes without non-difficult ground truth: n/a, left out of the mAP")

algojudge_cli_test(NAME ap.text_odm_published EXIT 0
    ARGS ap --gt @DATA@/ap/Object-Detection-Metrics/groundtruths
         --det @DATA@/ap/Object-Detection-Metrics/detections --box xywh --iou 0.3
         --pixel-plus-one --numpy-thresholds
    STDOUT "person +15 +0 +24 +7 +17 +0 +26.84 +24.57")

algojudge_cli_test(NAME ap.text_review_test_case_1_published EXIT 0
    ARGS ap --format text --gt @DATA@/ap/review_object_detection_metrics/tests/test_case_1/gts
         --det @DATA@/ap/review_object_detection_metrics/tests/test_case_1/dets --box xywh
         --iou 0.1 --pixel-plus-one --numpy-thresholds --json
    STDOUT "\"map_11point\":0.333333333333333[0-9]*,\"map_area\":0.337198067632850[0-9]*")

algojudge_cli_test(NAME ap.text_cartucho EXIT 0
    ARGS ap --gt @DATA@/ap/Cartucho-mAP/input/ground-truth
         --det @DATA@/ap/Cartucho-mAP/input/detection-results --pixel-plus-one
    STDOUT "mAP \\(30 classes\\) +31.70 +31.05")

algojudge_cli_test(NAME ap.strict_and_numpy_flags EXIT 0
    ARGS ap @DATA@/ap/converted/review_test_case_1.json --iou 0.1 --pixel-plus-one --strict
         --numpy-thresholds
    STDOUT "IoU 0.1 \\(strict >\\), \\+1 pixel widths, numpy 11-point thresholds")

algojudge_cli_test(NAME ap.text_difficult_and_images_without_ground_truth EXIT 0
    ARGS ap --gt @DATA@/ap/text_small/gt --det @DATA@/ap/text_small/det
    STDOUT "cat +0 +1 +1 +0 +0 +1 +n/a +n/a +n/a"
           "dog +1 +0 +4 +1 +3 +0 +100.00 +100.00 +\\+0.00"
           "1 class without non-difficult ground truth"
           "verdict: 11-point and area mAP differ by 0.00 points. no class differs by 0.01 points or more\n"
    STDERR "algojudge: warning: 2 of 5 detections \\(40.0 %\\) are on images without any ground truth.*counts as a false positive")

algojudge_cli_test(NAME ap.bundled_sample EXIT 0
    ARGS ap @ROOT@/data/ap/review_database_voc.json
    STDOUT "mAP \\(20 classes\\) +60.75 +61.39 +\\+0.64")

algojudge_cli_test(NAME ap.verify_cases EXIT 0
    ARGS verify @ROOT@/data/cases/average-precision
    STDOUT "32 passed, 0 failed")

# A bad JSON input file: exit 2, one line on stderr naming the file and the JSON path.
function(ap_json_error name file message)
    algojudge_cli_test(NAME ap.error_${name} EXIT 2 ARGS ap @DATA@/ap/bad/${file}
                       STDERR "^algojudge: error: [^\n]*${file}: ${message}[^\n]*\n$")
endfunction()
ap_json_error(box_order x2_less_than_x1.json
              "ground_truth\\[0\\].bbox: x2 \\(1\\) is less than x1 \\(5\\)")
ap_json_error(score_type score_string.json
              "detections\\[0\\].score: expected a number, got a string")
ap_json_error(malformed_json truncated.json "malformed JSON")
ap_json_error(missing_file no_such_file.json "cannot open file")

algojudge_cli_test(NAME ap.error_text_line EXIT 2
    ARGS ap --gt @DATA@/ap/bad/text_gt --det @DATA@/ap/bad/text_det
    STDERR "text_gt/img1.txt: line 2: expected \"class x1 y1 x2 y2 \\[difficult\\]\", got 4 words")

algojudge_cli_test(NAME ap.error_missing_folder EXIT 2
    ARGS ap --format text --gt @DATA@/ap/bad/nowhere --det @DATA@/ap/bad/text_det
    STDERR "nowhere: no such directory")

algojudge_cli_test(NAME ap.error_file_and_folders EXIT 2
    ARGS ap @DATA@/ap/bad/score_string.json --gt @DATA@/ap/bad/text_gt
    STDERR "either one input FILE or --gt and --det")

algojudge_cli_test(NAME ap.error_text_needs_det EXIT 2
    ARGS ap --format text --gt @DATA@/ap/bad/text_gt
    STDERR "--format text needs both --gt and --det")

algojudge_cli_test(NAME ap.error_box_with_json EXIT 2
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --box xywh
    STDERR "--box applies to text detections, not json")

algojudge_cli_test(NAME ap.error_iou_range EXIT 2
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --iou 1.5
    STDERR "--iou: expected a number in \\[0, 1\\], got 1.5")

algojudge_cli_test(NAME ap.error_nothing EXIT 2
    ARGS ap
    STDERR "nothing to evaluate")

algojudge_cli_test(NAME ap.run_problem EXIT 0
    ARGS run average-precision @DATA@/ap/converted/review_toyexample_cat.json
    STDOUT "\"map_area\":0.895833333333333[0-9]*")
