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

# A directory `into` holding a link to each entry of src/<dir>.
function(confer_mirror dir into)
  file(GLOB entries CONFIGURE_DEPENDS LIST_DIRECTORIES true ${CMAKE_SOURCE_DIR}/src/${dir}/*)
  file(MAKE_DIRECTORY ${into})
  foreach(entry ${entries})
    get_filename_component(name ${entry} NAME)
    file(CREATE_LINK ${entry} ${into}/${name} SYMBOLIC)
  endforeach()
endfunction()

# app/ as a view shows it. While app still includes a layer it will not once
# on ports (CONFER_APP_TEMPORARY_UPWARD), app/ is a directory of links to
# src/app's entries plus app/<layer>/, so that app's headers find
# "<layer>/x.hpp" beside themselves; app/<layer>/<layer> links to itself for
# that layer's own includes. The including layer's files still cannot name it.
function(confer_view_app into)
  if(NOT CONFER_APP_TEMPORARY_UPWARD)
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/app ${into}/app SYMBOLIC)
    return()
  endif()
  confer_mirror(app ${into}/app)
  foreach(upward ${CONFER_APP_TEMPORARY_UPWARD})
    confer_mirror(${upward} ${into}/app/${upward})
    file(CREATE_LINK . ${into}/app/${upward}/${upward} SYMBOLIC)
  endforeach()
endfunction()

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
    if(entry STREQUAL "app")
      confer_view_app(${view})
    else()
      file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${entry} ${view}/${entry} SYMBOLIC)
    endif()
  endforeach()
  add_library(confer_${name} STATIC ${sources})
  target_include_directories(confer_${name} PRIVATE ${view})
  target_link_libraries(confer_${name} PUBLIC confer_options ${LAYER_LINKS})
endfunction()
