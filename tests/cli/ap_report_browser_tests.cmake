# The --plot report in a real browser: headless Chromium loads index.html, its charts are drawn
# and `#sort=...` reorders the table (tests/cli/ap_report_browser.sh). Skipped, with a message,
# where chromium is not installed (scripts/quickstart.sh test installs it).
add_test(NAME cli.ap_report_browser
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ap_report_browser.sh $<TARGET_FILE:algojudge>
                 ${PROJECT_SOURCE_DIR}/tests/data/ap/review_object_detection_metrics/data/database/gts/pascalvoc_format
                 ${PROJECT_SOURCE_DIR}/tests/data/ap/formats/database/voc_results
                 ${CMAKE_CURRENT_BINARY_DIR}/work/ap_report_browser)
set_tests_properties(cli.ap_report_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
