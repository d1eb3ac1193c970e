# All compile policy lives in one INTERFACE target that every target links:
# language standard, warnings, Qt strictness switches and release hardening.
add_library(cnap_compile_policy INTERFACE)
add_library(cnap::compile_policy ALIAS cnap_compile_policy)

target_compile_features(cnap_compile_policy INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(cnap_compile_policy INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    $<$<NOT:$<CONFIG:Debug>>:QT_NO_DEBUG>)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(cnap_compile_policy INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align
        -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
        $<$<BOOL:${CNAP_WERROR}>:-Werror>
        # Release hardening (issue 7): stack protector, fortify, PIE, RELRO/now.
        $<$<NOT:$<CONFIG:Debug>>:-fstack-protector-strong -D_FORTIFY_SOURCE=2 -fstack-clash-protection>)
    target_link_options(cnap_compile_policy INTERFACE
        $<$<NOT:$<CONFIG:Debug>>:-Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack>)
    # Control-flow protection on x86-64 (Intel CET: indirect-branch tracking
    # and shadow-stack markings) for every build type.
    if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
        target_compile_options(cnap_compile_policy INTERFACE -fcf-protection=full)
    endif()
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
elseif(MSVC)
    target_compile_options(cnap_compile_policy INTERFACE /W4 /utf-8 /permissive- /guard:cf
        $<$<BOOL:${CNAP_WERROR}>:/WX>)
    target_link_options(cnap_compile_policy INTERFACE /guard:cf /DYNAMICBASE /NXCOMPAT)
endif()
