# confer_embed_files(OUTPUT file.cpp FILES a b c)
# Writes a C++ source that defines confer::embedded_files(): every file's
# name (basename) and contents, so the binary carries its SQL migrations and its
# API description with it.
function(confer_embed_files)
  cmake_parse_arguments(EMBED "" "OUTPUT" "FILES" ${ARGN})
  # The list travels as one argument, joined with '|' (';' would split it).
  string(REPLACE ";" "|" joined "${EMBED_FILES}")
  add_custom_command(
    OUTPUT ${EMBED_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EMBED_OUTPUT} -DFILES=${joined}
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    VERBATIM
    DEPENDS ${EMBED_FILES} ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding SQL migrations and the API description")
endfunction()
