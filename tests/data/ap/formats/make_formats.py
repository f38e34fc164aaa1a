#!/usr/bin/env python3
"""Rewrites two review_object_detection_metrics sample sets in the VOC results and COCO formats.

Reads ../review_object_detection_metrics/{toyexample,data/database} (upstream files, unchanged)
and writes, beside this script, for each set:
  <set>/voc_results/comp4_det_test_<class>.txt   lines `image score x1 y1 x2 y2`
  <set>/coco/instances.json                      images, categories (voc.names order, id = line
                                                 number), annotations (bbox x, y, w, h;
                                                 iscrowd = the VOC difficult flag)
  <set>/coco/results.json                        [{image_id, category_id, bbox, score}]
Detections keep the upstream order (files by name, lines in order) so score ties break alike.
All coordinates are integers, so x + w gives back x2 exactly.
Run: python3 tests/data/ap/formats/make_formats.py
"""
import json
import os
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
UPSTREAM = os.path.join(HERE, "..", "review_object_detection_metrics")

SETS = {
    # name: (annotation folder, detection folder, class names, detections name classes by id)
    "toyexample": ("toyexample/gts_vocpascal_format", "toyexample/dets_classname_abs_xyx2y2",
                   "toyexample/voc.names", False),
    "database": ("data/database/gts/pascalvoc_format", "data/database/dets/abs_xyx2y2",
                 "data/database/voc.names", True),
}


def number(text):
    value = float(text)
    return int(value) if value.is_integer() else value


def one_per_line(items):
    return "[\n" + ",\n".join(json.dumps(item) for item in items) + "\n]"


def convert(name, annotations, detections, names_file, numeric_classes):
    classes = [line.strip() for line in open(os.path.join(UPSTREAM, names_file)) if line.strip()]
    category_id = {c: i + 1 for i, c in enumerate(classes)}
    xml_dir = os.path.join(UPSTREAM, annotations)
    stems = sorted(f[:-4] for f in os.listdir(xml_dir) if f.endswith(".xml"))
    image_id = {stem: i + 1 for i, stem in enumerate(stems)}

    instances = {
        "images": [{"id": image_id[s], "file_name": s + ".jpg"} for s in stems],
        "categories": [{"id": category_id[c], "name": c} for c in classes],
        "annotations": [],
    }
    for stem in stems:
        root = ElementTree.parse(os.path.join(xml_dir, stem + ".xml")).getroot()
        for obj in root.findall("object"):
            box = obj.find("bndbox")
            x1, y1, x2, y2 = (number(box.find(k).text) for k in ("xmin", "ymin", "xmax", "ymax"))
            difficult = obj.find("difficult")
            instances["annotations"].append({
                "id": len(instances["annotations"]) + 1,
                "image_id": image_id[stem],
                "category_id": category_id[obj.find("name").text.strip()],
                "bbox": [x1, y1, x2 - x1, y2 - y1],
                "iscrowd": int(difficult is not None and difficult.text.strip() == "1"),
            })

    per_class = {}
    results = []
    det_dir = os.path.join(UPSTREAM, detections)
    for file_name in sorted(os.listdir(det_dir)):
        stem = file_name[:-4]
        for line in open(os.path.join(det_dir, file_name)):
            fields = line.split()
            if not fields:
                continue
            label = classes[int(fields[0])] if numeric_classes else fields[0]
            score = fields[1]
            x1, y1, x2, y2 = (number(v) for v in fields[2:6])
            per_class.setdefault(label, []).append(f"{stem} {score} {x1} {y1} {x2} {y2}\n")
            results.append({"image_id": image_id[stem], "category_id": category_id[label],
                            "bbox": [x1, y1, x2 - x1, y2 - y1], "score": float(score)})

    out = os.path.join(HERE, name)
    os.makedirs(os.path.join(out, "voc_results"), exist_ok=True)
    os.makedirs(os.path.join(out, "coco"), exist_ok=True)
    for label, lines in per_class.items():
        with open(os.path.join(out, "voc_results", f"comp4_det_test_{label}.txt"), "w") as f:
            f.writelines(lines)
    with open(os.path.join(out, "coco", "instances.json"), "w") as f:
        f.write("{\n" + ",\n".join(f'"{key}": {one_per_line(value)}'
                                    for key, value in instances.items()) + "\n}\n")
    with open(os.path.join(out, "coco", "results.json"), "w") as f:
        f.write(one_per_line(results) + "\n")


for set_name, arguments in SETS.items():
    convert(set_name, *arguments)
