# cnap_add_library(NAME DIR
#     PUBLIC  <targets visible to users of the library>
#     PRIVATE <implementation-only targets: third-party C/C++ libraries>)
#
# One static library per layer.  Sources are every .cpp/.h under DIR so that a
# feature folder can grow without touching the build; the layering itself is
# fixed here through the PUBLIC/PRIVATE link lists.
function(cnap_add_library name dir)
    cmake_parse_arguments(ARG "" "" "PUBLIC;PRIVATE" ${ARGN})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
        "${dir}/*.cpp" "${dir}/*.h" "${dir}/*.qrc")
    if(NOT sources)
        # A layer not yet populated still exists as a (empty) library so the
        # dependency graph stays the same while features land one by one.
        set(placeholder "${CMAKE_CURRENT_BINARY_DIR}/${name}_empty.cpp")
        file(WRITE "${placeholder}" "// ${name}: no sources yet\n")
        set(sources "${placeholder}")
    endif()
    add_library(${name} STATIC ${sources})
    add_library(cnap::${name} ALIAS ${name})
    target_include_directories(${name} PUBLIC "${CMAKE_SOURCE_DIR}/src")
    target_link_libraries(${name} PUBLIC cnap_compile_policy ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
endfunction()

# cnap_add_test(NAME SOURCES... LIBS ...): one GoogleTest executable registered with ctest.
function(cnap_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE cnap_compile_policy ${ARG_LIBS} GTest::gtest)
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
    gtest_discover_tests(${name}
        DISCOVERY_TIMEOUT 60
        PROPERTIES LABELS "${ARG_LABELS}")
    # gtest_discover_tests flattens list-valued PROPERTIES: of a three-entry
    # ENVIRONMENT only the first survived.  A ctest include file, run after the
    # discovered tests are defined, sets the whole environment instead.
    set(env_file "${CMAKE_CURRENT_BINARY_DIR}/${name}_environment.cmake")
    file(WRITE "${env_file}"
        "if(DEFINED ${name}_TESTS)\n"
        "  set_tests_properties(\${${name}_TESTS} PROPERTIES ENVIRONMENT\n"
        "    [==[QT_QPA_PLATFORM=offscreen;CNAP_SOURCE_DIR=${CMAKE_SOURCE_DIR};CNAP_BIN_DIR=${CMAKE_BINARY_DIR}/bin]==])\n"
        "endif()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${env_file}")
endfunction()
