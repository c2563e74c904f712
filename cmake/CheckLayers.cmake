# Run by ctest as `layers_enforced`: preprocesses one-line files against each
# layer's include view and fails unless every include a layer may make
# resolves and every upward or sideways one is refused as "not found". So the
# layering the build enforces cannot silently stop being enforced.
#   cmake -DCXX=<compiler> -DSOURCE_DIR=<repo> -DLAYERS_DIR=<build>/layers
#         -DWORK_DIR=<dir> -P CheckLayers.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(failures "")
set(count 0)

# Preprocesses `#include "<header>"` with the layer's view; `expect` is
# "allowed" or "refused".
function(check layer header expect)
  math(EXPR n "${count} + 1")
  set(count ${n} PARENT_SCOPE)
  set(probe ${WORK_DIR}/probe_${n}.cpp)
  file(WRITE ${probe} "#include \"${header}\"\n")
  execute_process(COMMAND ${CXX} -std=c++20 -E -I${LAYERS_DIR}/${layer} ${probe} -o /dev/null
                  RESULT_VARIABLE status ERROR_VARIABLE errors)
  string(REGEX MATCH "No such file or directory|file not found" not_found "${errors}")
  if(expect STREQUAL "allowed" AND NOT status EQUAL 0)
    set(failures "${failures}\n${layer} may include ${header} but cannot:\n${errors}"
        PARENT_SCOPE)
  elseif(expect STREQUAL "refused" AND (status EQUAL 0 OR NOT not_found))
    set(failures "${failures}\n${layer} must not include ${header} but can (${status}):\n${errors}"
        PARENT_SCOPE)
  endif()
endfunction()

# What each layer may include.
check(domain "domain/money.hpp" allowed)
check(security "security/crypto.hpp" allowed)
check(app "app/errors.hpp" allowed)
check(app "security/crypto.hpp" allowed)
check(app "log.hpp" allowed)
check(store "store/database.hpp" allowed)
check(store "app/ports/records.hpp" allowed)
check(integrations "integrations/http_client.hpp" allowed)
check(integrations "embedded_files.hpp" allowed)
check(http "http/router.hpp" allowed)
check(http "app/bookings/booking_use_cases.hpp" allowed)
check(jobs "jobs/worker.hpp" allowed)

# What each must not: upward and sideways.
foreach(header "app/errors.hpp" "security/crypto.hpp" "log.hpp")
  check(domain ${header} refused)
endforeach()
check(security "app/errors.hpp" refused)
foreach(header "http/router.hpp" "integrations/http_client.hpp" "config.hpp"
        "embedded_files.hpp" "store/database.hpp" "jobs/worker.hpp")
  check(app ${header} refused)
endforeach()
foreach(layer store integrations http jobs)
  foreach(header "store/database.hpp" "integrations/http_client.hpp" "http/router.hpp"
          "jobs/worker.hpp" "config.hpp" "delivery_commands.hpp")
    string(REGEX REPLACE "/.*" "" layer_of_header ${header})
    if(NOT layer_of_header STREQUAL layer)
      check(${layer} ${header} refused)
    endif()
  endforeach()
endforeach()

# A quoted include is looked up beside the including file first: no layer
# may hold a directory named after another, or that lookup would get past
# the views.
foreach(layer domain security app store integrations http jobs)
  foreach(other domain security app store integrations http jobs)
    if(EXISTS ${SOURCE_DIR}/src/${layer}/${other})
      set(failures "${failures}\nsrc/${layer}/${other} would be found beside ${layer}'s files")
    endif()
  endforeach()
endforeach()

if(failures)
  message(FATAL_ERROR "The layers are not enforced as they should be:${failures}")
endif()
message(STATUS "layers_enforced: ${count} includes checked")
