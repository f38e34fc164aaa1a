# Runs `algojudge ap --protocol coco --json` on one COCO pair and checks its "coco" and
# "coco_classes" numbers against pycocotools.json (stats, per_category AP and AP50). Both sides
# go through CMake's JSON parser, which prints a double with 17 digits: equal strings are equal
# doubles, so this checks bit-for-bit. (CMake lists members sorted: the key order is checked by
# the regexes of ap_coco_tests.cmake instead.)
#   cmake -DEXE=algojudge -DDIR=<set folder> -P compare_coco.cmake
cmake_minimum_required(VERSION 3.25)
execute_process(COMMAND ${EXE} ap --protocol coco --json --gt ${DIR}/instances.json
                        --det ${DIR}/results.json
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "exit status ${code}: ${err}")
endif()
file(READ ${DIR}/pycocotools.json expected)
set(failures "")
set(keys AP AP50 AP75 APs APm APl AR1 AR10 AR100 ARs ARm ARl)
foreach(key IN LISTS keys)
    string(JSON got GET "${out}" coco ${key})
    string(JSON want GET "${expected}" stats ${key})
    if(NOT got STREQUAL want)
        string(APPEND failures "${key}: ${got}, pycocotools ${want}\n")
    endif()
endforeach()
string(JSON categories LENGTH "${expected}" per_category)
math(EXPR last "${categories} - 1")
foreach(i RANGE ${last})
    string(JSON name GET "${expected}" per_category ${i} name)
    foreach(key AP AP50)
        string(JSON got GET "${out}" coco_classes ${name} ${key})
        string(JSON want GET "${expected}" per_category ${i} ${key})
        if(NOT got STREQUAL want)
            string(APPEND failures "${name} ${key}: ${got}, pycocotools ${want}\n")
        endif()
    endforeach()
endforeach()
if(failures)
    message(FATAL_ERROR "${DIR}:\n${failures}")
endif()
