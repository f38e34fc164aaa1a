# `algojudge ap`'s input checks (docs/average-precision.md#warnings) and the YOLO, --names and
# integer-id inputs (docs/average-precision-formats.md): each mismatch of the issue that gave a
# quiet 0.00 now warns (or, with --strict-names, fails), on the shared samples where they fit.
set(ap_checks @DATA@/ap/checks)
set(ap_review @DATA@/ap/review_object_detection_metrics)
set(ap_database_xml ${ap_review}/data/database/gts/pascalvoc_format)
set(ap_database_ids ${ap_review}/data/database/dets/abs_xyx2y2)
set(ap_odm @DATA@/ap/Object-Detection-Metrics)
set(ap_cartucho @DATA@/ap/Cartucho-mAP/input)
set(ap_yolo @DATA@/ap/yolo/odm)

# Detections naming classes by id (0..19) against VOC names: a warning that suggests --names...
algojudge_cli_test(NAME ap_checks_class_ids EXIT 0
    ARGS ap --format voc --gt ${ap_database_xml} --det ${ap_database_ids}
    STDERR "^algojudge: warning: 20 detection classes \\(\"0\", \"1\", \"2\", \"3\", .... 452 detections\\) have no ground truth at all: the detections name classes by number and the ground truth by name \\(\"aeroplane\", \"bicycle\", \"bird\", ...\\). give the names of the class ids with --names FILE \\(one a line, the first for class 0, as a darknet .names file\\)\n$")
# ... which gives the published numbers of the set (as its VOC results files do) and no warning.
algojudge_cli_test(NAME ap_checks_class_ids_named EXIT 0
    ARGS ap --format voc --gt ${ap_database_xml} --det ${ap_database_ids}
         --names ${ap_review}/data/database/voc.names --strict-names --json
    STDOUT "\"map_11point\": ?0\\.60751051473228" "\"map_area\": ?0\\.61387479228428"
           "\"person\": ?{[^}]*\"tp\": ?70")
algojudge_cli_test(NAME ap_checks_class_ids_strict EXIT 2
    ARGS ap --format voc --gt ${ap_database_xml} --det ${ap_database_ids} --strict-names
    STDERR "^algojudge: error: --strict-names: 20 detection classes [^\n]*--names FILE[^\n]*\n$")

# Cat/Dog against cat/dog.
algojudge_cli_test(NAME ap_checks_class_case EXIT 0
    ARGS ap --gt ${ap_checks}/case/gt --det ${ap_checks}/case/det
    STDERR "algojudge: warning: detection class \"Cat\" \\(1 detection\\) has no ground truth at all, but the ground truth has \"cat\": class names must match exactly"
           "algojudge: warning: detection class \"Dog\" \\(1 detection\\) [^\n]*\"dog\"")
algojudge_cli_test(NAME ap_checks_class_case_strict EXIT 2
    ARGS ap --gt ${ap_checks}/case/gt --det ${ap_checks}/case/det --strict-names
    STDERR "^algojudge: error: --strict-names: detection class \"Cat\" [^\n]* \\(and 1 more\\)\n$")

# 1 against 000001.
algojudge_cli_test(NAME ap_checks_image_ids EXIT 0
    ARGS ap --gt ${ap_checks}/ids/gt --det ${ap_checks}/ids/det
    STDERR "algojudge: warning: 2 of 2 detections \\(100\\.0 %\\) are on images without any ground truth, such as \"1\" \\(closest ground-truth images: \"000001\", \"000002\"\\) and \"2\" \\(closest ground-truth images: \"000002\", \"000001\"\\)")

# An empty ground truth is an error; files in a subfolder are named.
algojudge_cli_test(NAME ap_checks_empty_gt EXIT 2
    ARGS ap --gt ${ap_checks}/empty_gt --det ${ap_checks}/case/det
    STDERR "^algojudge: error: [^\n]*empty_gt: no ground truth: the folder holds no \\.txt files\n$")
algojudge_cli_test(NAME ap_checks_nested_gt EXIT 2
    ARGS ap --gt ${ap_checks}/nested_gt --det ${ap_checks}/case/det
    STDERR "^algojudge: error: [^\n]*nested_gt: no ground truth: the folder holds no \\.txt files, but its subfolder labels/train holds 1 file: give --gt [^\n]*nested_gt/labels/train\n$")

# xyxy files read with --box xywh: a warning (Cartucho's sample: 31.05 % becomes 35.64 %).
algojudge_cli_test(NAME ap_checks_xyxy_read_as_xywh EXIT 0
    ARGS ap --gt ${ap_cartucho}/ground-truth --det ${ap_cartucho}/detection-results --box xywh
         --pixel-plus-one
    STDERR "algojudge: warning: --box xywh: 1180 of 1180 boxes \\(100\\.0 %\\) also read as ordered corners[^\n]*give --box xyxy"
    STDOUT "\nmAP \\(30 classes\\) +37\\.05 +35\\.64 ")
# xywh files read as corners: the error says to try --box xywh.
algojudge_cli_test(NAME ap_checks_xywh_read_as_xyxy EXIT 2
    ARGS ap --gt ${ap_odm}/groundtruths --det ${ap_odm}/detections
    STDERR "^algojudge: error: [^\n]*00001\\.txt: line 2: x2 \\(41\\) is less than x1 \\(129\\) \\(if the files hold x y width height, try --box xywh\\)\n$")
# Read right, no warning: --strict-names passes.
algojudge_cli_test(NAME ap_checks_xywh_right EXIT 0
    ARGS ap --gt ${ap_odm}/groundtruths --det ${ap_odm}/detections --box xywh --iou 0.3
         --pixel-plus-one --strict-names
    STDOUT "\nperson +15 +0 +24 +7 +17 +0 +26\\.84 +24\\.57 ")

# YOLO labels: the Object-Detection-Metrics sample's relative boxes (200x200 images), person = 0.
algojudge_cli_test(NAME ap_yolo_score_first_pixels EXIT 0
    ARGS ap --format yolo --gt ${ap_yolo}/gt --det ${ap_yolo}/det_first --yolo-score first
         --names ${ap_yolo}/person.names --image-sizes ${ap_yolo}/sizes.txt --iou 0.3
         --pixel-plus-one --strict-names
    STDOUT "\nperson +15 +0 +24 +7 +17 +0 +26\\.84 +24\\.57 ")
# Without sizes: the continuous IoU, the same as the pixel boxes give without --pixel-plus-one.
algojudge_cli_test(NAME ap_yolo_score_last EXIT 0
    ARGS ap --format yolo --gt ${ap_yolo}/gt --det ${ap_yolo}/det_last --iou 0.3 --json
    STDOUT "\"0\": ?{[^}]*\"tp\": ?6" "\"ap_area\": ?0\\.22539682539")
algojudge_cli_test(NAME ap_yolo_needs_sizes EXIT 2
    ARGS ap --format yolo --gt ${ap_yolo}/gt --det ${ap_yolo}/det_last --pixel-plus-one
    STDERR "^algojudge: error: --format yolo boxes are normalised to the image: [^\n]*--image-sizes FILE[^\n]*\n$")
algojudge_cli_test(NAME ap_yolo_coco_needs_sizes EXIT 2
    ARGS ap --format yolo --gt ${ap_yolo}/gt --det ${ap_yolo}/det_last --protocol coco
    STDERR "^algojudge: error: --format yolo [^\n]*--image-sizes FILE")
algojudge_cli_test(NAME ap_yolo_coco_with_sizes EXIT 0
    ARGS ap --format yolo --gt ${ap_yolo}/gt --det ${ap_yolo}/det_last --protocol coco
         --image-sizes ${ap_yolo}/sizes.txt --names ${ap_yolo}/person.names
    STDOUT "\nperson +15 ")
algojudge_cli_test(NAME ap_yolo_bad_line EXIT 2
    ARGS ap --format yolo --gt ${ap_yolo}/gt --det @DATA@/ap/yolo/bad/det
    STDERR "^algojudge: error: [^\n]*bad/det/00001\\.txt: line 2: expected \"class cx cy w h conf\", got 4 words\n$")
algojudge_cli_test(NAME ap_yolo_score_on_text EXIT 2
    ARGS ap --gt ${ap_checks}/case/gt --det ${ap_checks}/case/det --yolo-score first
    STDERR "^algojudge: error: --yolo-score applies to --format yolo, not text\n$")
algojudge_cli_test(NAME ap_names_on_coco EXIT 2
    ARGS ap --format coco --gt @DATA@/ap/coco/tiny-11/instances.json
         --det @DATA@/ap/coco/tiny-11/results.json --names ${ap_yolo}/person.names
    STDERR "^algojudge: error: --names applies to text and yolo inputs, not coco")

# Integer image ids in the JSON form: 1 and "2" name images 1 and 2.
algojudge_cli_test(NAME ap_json_integer_image_ids EXIT 0
    ARGS ap ${ap_checks}/integer_ids.json --json --strict-names
    STDOUT "\"cat\": ?{[^}]*\"tp\": ?2" "\"map_area\": ?1")
