# `algojudge ap`: IoU sweeps (--iou list or range), --json's settings, warnings, notes and
# curves, and the error analysis (--errors).

set(ap_sample @ROOT@/data/ap/review_database_voc.json)

# A single --iou keeps the one-table output.
algojudge_cli_test(NAME ap.sweep_single_value_is_one_run EXIT 0
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --pixel-plus-one --iou 0.3
    STDOUT "IoU 0.3 \\(>=\\), \\+1 pixel widths\n"
           "person +15 +0 +24 +7 +17 +0 +26.84 +24.57 +-2.27"
    STDOUT_NOT "by IoU threshold")

algojudge_cli_test(NAME ap.sweep_list_table EXIT 0
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --pixel-plus-one --iou 0.3,0.5
    STDOUT "IoU 0.3 to 0.5, 2 thresholds \\(>=\\), \\+1 pixel widths\n"
           "AP 11-point % by IoU threshold\nclass +0.3 +0.5 +mean\n"
           "person +26.84 +[0-9.]+ +[0-9.]+\n"
           "AP area % by IoU threshold\nclass +0.3 +0.5 +mean\nperson +24.57 ")

# Ten thresholds from the range, the last one 0.95 (not 0.9500000000000001), on the bundled set.
algojudge_cli_test(NAME ap.sweep_range_table EXIT 0
    ARGS ap ${ap_sample} --iou 0.5:0.95:0.05
    STDOUT "IoU 0.5 to 0.95, 10 thresholds \\(>=\\)\n"
           "class +0.5 +0.55 +0.6 +0.65 +0.7 +0.75 +0.8 +0.85 +0.9 +0.95 +mean\n"
           "mAP \\(20 classes\\) +60.75 [^\n]*\n\nAP area"
           "mAP \\(20 classes\\) +61.39 ")

# Each sweep element has the single-threshold form; mean_over_iou averages them.
algojudge_cli_test(NAME ap.sweep_json EXIT 0
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --pixel-plus-one --iou 0.3,0.5 --json
    STDOUT "^\\{\"sweep\":\\[\\{\"iou\":0.3,\"classes\":\\{\"person\":\\{\"ap_101point\":[0-9.]+,\"ap_11point\":0.2683982683982683[0-9]*,\"ap_area\":0.2456866804692891[0-9]*,\"fp\":17,\"num_detections\":24,\"num_difficult\":0,\"num_gt\":15,\"tp\":7\\}\\},\"map_101point\":[0-9.]+,\"map_11point\":[0-9.]+,\"map_area\":[0-9.]+\\},\\{\"iou\":0.5,"
           "\\],\"mean_over_iou\":\\{\"classes\":\\{\"person\":\\{\"ap_101point\":[0-9.]+,\"ap_11point\":[0-9.]+,\"ap_area\":[0-9.]+\\}\\},\"map_101point\""
           "\"settings\":\\{[^}]*\"iou_thresholds\":\\[0.3,0.5\\]")

function(ap_iou_error name spec message)
    algojudge_cli_test(NAME ap.error_iou_${name} EXIT 2
        ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --iou ${spec}
        STDERR "^algojudge: error: --iou: ${message}\n$")
endfunction()
ap_iou_error(not_a_number half "expected a number, got 'half'")
ap_iou_error(empty_item "0.5,,0.7" "expected a number, got ''")
ap_iou_error(decreasing "0.75,0.5" "expected increasing thresholds, got 0.5 after 0.75")
ap_iou_error(range_parts "0.5:0.95" "expected start:stop:step, got '0.5:0.95'")
ap_iou_error(range_step "0.5:0.95:0" "expected a step above 0, got 0")
ap_iou_error(range_bounds "0.5:1.5:0.1" "expected a number in \\[0, 1\\], got 1.5")

# --json records what produced it, after the existing keys (whose order is unchanged).
algojudge_cli_test(NAME ap.json_settings_and_notes EXIT 0
    ARGS ap --gt @DATA@/ap/text_small/gt --det @DATA@/ap/text_small/det --json
    STDOUT "^\\{\"classes\":\\{\"cat\":\\{\"ap_101point\":null,"
           "\"map_area\":1.0,\"settings\":\\{\"version\":\"[0-9]+\\.[0-9]+\\.[0-9]+\",\"protocol\":\"voc\",\"format\":\"text\",\"input\":null,\"ground_truth\":\"[^\"]*text_small/gt\",\"detections\":\"[^\"]*text_small/det\",\"box\":\"xyxy\",\"iou_thresholds\":\\[0.5\\],\"pixel_plus_one\":false,\"strict_greater\":false,\"numpy_thresholds\":false,\"errors\":false,\"curves\":false,\"plot\":null\\},\"warnings\":\\[\"2 of 5 detections \\(40.0 %\\) are on images without any ground truth, such as [^]]*\\],\"notes\":\\[\\]\\}\n$"
    STDERR "algojudge: warning: 2 of 5 detections \\(40.0 %\\) are on images without any ground truth")
# A note goes to "notes" as it goes to stderr: a sweep with --plot draws the first threshold's
# curves, and says so.
algojudge_cli_test(NAME ap.json_notes EXIT 0
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --iou 0.3,0.5 --plot @WORK@/plots --json
    STDOUT "\"warnings\":\\[\\],\"notes\":\\[\"--plot: the curves at IoU 0.3, the first of the sweep\"\\]\\}\n$"
    STDERR "algojudge: note: --plot: the curves at IoU 0.3, the first of the sweep")

# The file's conventions are recorded as they took effect (padilla's file asks for IoU 0.3).
algojudge_cli_test(NAME ap.json_settings_from_the_file EXIT 0
    ARGS ap @DATA@/ap/converted/padilla_odm_sample.json --strict --json
    STDOUT "\"format\":\"json\",\"input\":\"[^\"]*padilla_odm_sample.json\",\"ground_truth\":null,"
           "\"iou_thresholds\":\\[0.3\\],\"pixel_plus_one\":false,\"strict_greater\":true,")

algojudge_cli_test(NAME ap.json_version_is_the_projects EXIT 0
    ARGS --version
    STDOUT "^algojudge [0-9]+\\.[0-9]+\\.[0-9]+\n$")

# --curves: recall, precision and score per curve point (dog: TP 0.9, then FPs 0.5, 0.5, 0.2).
algojudge_cli_test(NAME ap.json_curves EXIT 0
    ARGS ap --gt @DATA@/ap/text_small/gt --det @DATA@/ap/text_small/det --json --curves
    STDOUT "\"cat\":\\{[^{]*\"tp\":0,\"curve\":\\{\"recall\":\\[\\],\"precision\":\\[\\],\"score\":\\[\\]\\}\\}"
           "\"dog\":\\{[^{]*\"tp\":1,\"curve\":\\{\"recall\":\\[1.0,1.0,1.0,1.0\\],\"precision\":\\[1.0,0.5,0.333[0-9]*,0.25\\],\"score\":\\[0.9,")

algojudge_cli_test(NAME ap.error_curves_needs_json EXIT 2
    ARGS ap --gt @DATA@/ap/text_small/gt --det @DATA@/ap/text_small/det --curves
    STDERR "--curves requires --json")

# The hand-made example: one false positive of each kind and one missed box.
algojudge_cli_test(NAME ap.errors_table EXIT 0
    ARGS ap --gt @DATA@/ap/errors/gt --det @DATA@/ap/errors/det --errors
    STDOUT "dog +2 +0 +5 +1 +4 +"
           "false positives by cause at IoU 0.5 \\(localisation: IoU >= 0.1 with a free box of the class\\)\n"
           "class +FP +duplicate +localisation +confusion +background +missed GT\n"
           "cat +0 +0 +0 +0 +0 +1\n"
           "dog +4 +1 +1 +1 +1 +1\n"
           "all classes +4 +1 +1 +1 +1 +2\n")

# The report shows the same split as the terminal.
algojudge_cli_test(NAME ap.errors_in_the_report EXIT 0
    ARGS ap --gt @DATA@/ap/errors/gt --det @DATA@/ap/errors/det --errors --plot @WORK@/plots
    THEN sh -c "grep -q '<td>all classes</td><td class=\"number\">4</td><td class=\"number\">1</td><td class=\"number\">1</td><td class=\"number\">1</td><td class=\"number\">1</td><td class=\"number\">2</td>' \"$0\"" @WORK@/plots/index.html)

algojudge_cli_test(NAME ap.errors_json EXIT 0
    ARGS ap --gt @DATA@/ap/errors/gt --det @DATA@/ap/errors/det --errors --json
    STDOUT "\"dog\":\\{[^{]*\"fp\":4,[^{]*\"tp\":1,\"errors\":\\{\"duplicate\":1,\"localisation\":1,\"confusion\":1,\"background\":1,\"missed\":1\\}\\}")

# Without --errors nothing is split.
algojudge_cli_test(NAME ap.errors_only_when_asked EXIT 0
    ARGS ap --gt @DATA@/ap/errors/gt --det @DATA@/ap/errors/det --json
    STDOUT_NOT "errors\":\\{")

# A sweep with --errors: one split per threshold; at 0.3 the localisation (IoU 1/3) is a TP.
algojudge_cli_test(NAME ap.errors_in_a_sweep EXIT 0
    ARGS ap --gt @DATA@/ap/errors/gt --det @DATA@/ap/errors/det --errors --iou 0.3,0.5
    STDOUT "at IoU 0.3 [^\n]*\n[^\n]*\ncat [^\n]*\ndog +3 +1 +0 +1 +1 +0\n"
           "at IoU 0.5 [^\n]*\n[^\n]*\ncat [^\n]*\ndog +4 +1 +1 +1 +1 +1\n")

# `run average-precision` (the case checker's form) does not change: no settings, no errors.
algojudge_cli_test(NAME ap.run_problem_form_unchanged EXIT 0
    ARGS run average-precision @DATA@/ap/converted/review_toyexample_cat.json
    STDOUT "^\\{\"classes\":\\{\"cat\":\\{\"ap_101point\":[0-9.]+,\"ap_11point\":[0-9.]+,\"ap_area\":[0-9.]+,\"fp\":[0-9]+,\"num_detections\":[0-9]+,\"num_difficult\":0,\"num_gt\":[0-9]+,\"tp\":[0-9]+\\}\\},\"map_101point\":[0-9.]+,\"map_11point\":[0-9.]+,\"map_area\":[0-9.]+\\}\n?$")

# --protocol both: the COCO keys follow the sweep's, then settings.
algojudge_cli_test(NAME ap.sweep_with_coco EXIT 0
    ARGS ap --protocol both --iou 0.5,0.75 --json
         --gt @DATA@/ap/coco/tiny-11/instances.json --det @DATA@/ap/coco/tiny-11/results.json
    STDOUT "^\\{\"sweep\":\\[\\{\"iou\":0.5,"
           "\"mean_over_iou\":.*\"coco\":\\{.*\"coco_classes\":.*\"settings\":\\{\"version\""
           "\"protocol\":\"both\",\"format\":\"coco\",")

# --errors is a VOC split: with --protocol coco it says so and changes nothing.
algojudge_cli_test(NAME ap.errors_coco_only_note EXIT 0
    ARGS ap --protocol coco --errors
         --gt @DATA@/ap/coco/tiny-11/instances.json --det @DATA@/ap/coco/tiny-11/results.json
    STDERR "algojudge: note: --errors: the split is made for --protocol voc only"
    STDOUT_NOT "false positives by cause")
