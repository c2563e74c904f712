# Per-layer include views (see CMakeLists.txt and docs/architecture.md).
#
# confer_layer(<name> [DIRS <src dirs>...] [FILES <sources>...]
#              SEES <src entries>... [LINKS <targets>...])
# adds the static library confer_<name> built from the .cpp files under each
# of DIRS (tests and */testing/ left out) and FILES, compiled with only its
# view, ${CONFER_LAYERS_DIR}/<name>/, as include directory. The view links
# each of SEES: a directory of src/ (domain) or a header at its top (log.hpp).
# The views are made anew at every configure; the globs re-run it when an
# entry of src/ appears or goes.
set(CONFER_LAYERS_DIR ${CMAKE_BINARY_DIR}/layers)
file(REMOVE_RECURSE ${CONFER_LAYERS_DIR})

function(confer_layer name)
  cmake_parse_arguments(LAYER "" "" "DIRS;FILES;SEES;LINKS" ${ARGN})
  set(sources ${LAYER_FILES})
  foreach(dir ${LAYER_DIRS})
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${dir}/*.cpp)
    list(FILTER found EXCLUDE REGEX ".*_test\\.cpp$")
    list(FILTER found EXCLUDE REGEX ".*/testing/.*")
    list(APPEND sources ${found})
  endforeach()
  set(view ${CONFER_LAYERS_DIR}/${name})
  file(MAKE_DIRECTORY ${view})
  foreach(entry ${LAYER_SEES})
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${entry} ${view}/${entry} SYMBOLIC)
  endforeach()
  add_library(confer_${name} STATIC ${sources})
  target_include_directories(confer_${name} PRIVATE ${view})
  target_link_libraries(confer_${name} PUBLIC confer_options ${LAYER_LINKS})
endfunction()
