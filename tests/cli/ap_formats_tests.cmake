# `algojudge ap` on PASCAL VOC and COCO inputs, and its --plot output
# (docs/average-precision-formats.md). The toyexample and database sets of
# review_object_detection_metrics come in every format (tests/data/ap/formats/make_formats.py);
# each format must give the independently computed results of the shared samples.
set(ap_upstream @DATA@/ap/review_object_detection_metrics)
set(ap_formats @DATA@/ap/formats)
set(ap_toy_gt ${ap_upstream}/toyexample/gts_vocpascal_format)
set(ap_database_gt ${ap_upstream}/data/database/gts/pascalvoc_format)

# toyexample, class cat, IoU 0.5: 11-point 0.8863636363636364, area 0.8958333333333334.
algojudge_cli_test(NAME ap_voc_toyexample EXIT 0
    ARGS ap --format voc --gt ${ap_toy_gt} --det ${ap_formats}/toyexample/voc_results --json
    STDOUT "\"cat\"" "\"ap_11point\": ?0\\.88636363636363" "\"ap_area\": ?0\\.89583333333333"
           "\"map_area\": ?0\\.89583333333333")
algojudge_cli_test(NAME ap_coco_toyexample EXIT 0
    ARGS ap --format coco --gt ${ap_formats}/toyexample/coco/instances.json
         --det ${ap_formats}/toyexample/coco/results.json --json
    STDOUT "\"cat\"" "\"ap_11point\": ?0\\.88636363636363" "\"ap_area\": ?0\\.89583333333333"
           "\"map_area\": ?0\\.89583333333333")
# The same numbers in the human-readable table.
algojudge_cli_test(NAME ap_voc_toyexample_table EXIT 0
    ARGS ap --format voc --gt ${ap_toy_gt} --det ${ap_formats}/toyexample/voc_results
    STDOUT "cat" "88\\.64" "89\\.58")

# 100 real VOC 2007 images, 38 difficult boxes, 20 classes: mAP 0.6075105147322851 (11-point),
# 0.613874792284281 (area); person: 70 TP, 119 FP.
algojudge_cli_test(NAME ap_voc_database EXIT 0
    ARGS ap --format voc --gt ${ap_database_gt} --det ${ap_formats}/database/voc_results --json
    STDOUT "\"map_11point\": ?0\\.60751051473228" "\"map_area\": ?0\\.61387479228428"
           "\"person\": ?{[^}]*\"tp\": ?70" "\"person\": ?{[^}]*\"fp\": ?119")
algojudge_cli_test(NAME ap_coco_database EXIT 0
    ARGS ap --format coco --gt ${ap_formats}/database/coco/instances.json
         --det ${ap_formats}/database/coco/results.json --json
    STDOUT "\"map_11point\": ?0\\.60751051473228" "\"map_area\": ?0\\.61387479228428"
           "\"person\": ?{[^}]*\"tp\": ?70" "\"person\": ?{[^}]*\"fp\": ?119")

# Bad input: one line naming the file and the line or JSON path, exit status 2.
algojudge_cli_test(NAME ap_voc_malformed_xml EXIT 2
    ARGS ap --format voc --gt ${ap_formats}/bad/voc_gt --det ${ap_formats}/toyexample/voc_results
    STDERR "^algojudge: error: [^\n]*broken\\.xml: line 3: malformed XML: Start-end tags mismatch\n")
algojudge_cli_test(NAME ap_coco_unknown_category EXIT 2
    ARGS ap --format coco --gt ${ap_formats}/toyexample/coco/instances.json
         --det ${ap_formats}/bad/coco_results_unknown_category.json
    STDERR "coco_results_unknown_category\\.json: \\[1\\]\\.category_id: unknown category id 99 \\(not in the categories of instances\\.json, whose ids are 1 to 20 \\(20 ids\\). a shifted class index is the usual cause\\)")
algojudge_cli_test(NAME ap_coco_missing_file EXIT 2
    ARGS ap --format coco --gt ${ap_formats}/toyexample/coco/instances.json
         --det ${ap_formats}/no-such-results.json
    STDERR "no-such-results\\.json: cannot open file")

# --plot: one SVG per class (20 here) plus index.html, all well-formed XML by xmllint.
algojudge_cli_test(NAME ap_plot_database EXIT 0
    ARGS ap --format voc --gt ${ap_database_gt} --det ${ap_formats}/database/voc_results
         --plot @WORK@/plots
    THEN sh -c "test $(ls \"$1\"/*.svg | wc -l) -eq 20 && xmllint --noout \"$1\"/*.svg \"$1\"/index.html"
         check-plots @WORK@/plots)
algojudge_cli_test(NAME ap_plot_coco_toyexample EXIT 0
    ARGS ap --format coco --gt ${ap_formats}/toyexample/coco/instances.json
         --det ${ap_formats}/toyexample/coco/results.json --plot @WORK@/plots
    THEN xmllint --noout @WORK@/plots/index.html @WORK@/plots/cat.svg @WORK@/plots/dog.svg)

# VOC XML ground truth with per-image text detections: the review toyexample as published
# (class cat, IoU 0.5: 88.64 % 11-point, 89.58 % area).
algojudge_cli_test(NAME ap.voc-xml-with-text-detections EXIT 0
    ARGS ap --format voc
         --gt @DATA@/ap/review_object_detection_metrics/toyexample/gts_vocpascal_format
         --det @DATA@/ap/review_object_detection_metrics/toyexample/dets_classname_abs_xyx2y2
         --iou 0.5 --pixel-plus-one --numpy-thresholds
    STDOUT "\ncat +12 +0 +12 +11 +1 +0 +88\\.64 +89\\.58 ")
