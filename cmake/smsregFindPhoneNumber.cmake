# libphonenumber, which smsreg's enablement diagnosis reads phone numbers with.
# Debian 12's libphonenumber-dev (8.12) ships neither a CMake package nor a
# pkg-config file, so this finds its header and library and names them
# smsreg::phonenumber; where a libphonenumber CMake package exists (newer
# upstream releases), that is used instead. The build includes this file, and
# so does the installed smsregConfig.cmake: a static libsmsreg.a leaves the
# link to its consumer. The shared libphonenumber brings its own protobuf,
# ICU and Abseil dependencies.
if(NOT TARGET smsreg::phonenumber)
  find_package(libphonenumber CONFIG QUIET)
  if(TARGET libphonenumber::phonenumber)
    add_library(smsreg::phonenumber INTERFACE IMPORTED)
    set_target_properties(smsreg::phonenumber PROPERTIES INTERFACE_LINK_LIBRARIES libphonenumber::phonenumber)
  else()
    find_path(SMSREG_PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h)
    find_library(SMSREG_PHONENUMBER_LIBRARY NAMES phonenumber)
    if(SMSREG_PHONENUMBER_INCLUDE_DIR AND SMSREG_PHONENUMBER_LIBRARY)
      add_library(smsreg::phonenumber UNKNOWN IMPORTED)
      set_target_properties(smsreg::phonenumber PROPERTIES IMPORTED_LOCATION "${SMSREG_PHONENUMBER_LIBRARY}"
                            INTERFACE_INCLUDE_DIRECTORIES "${SMSREG_PHONENUMBER_INCLUDE_DIR}")
    endif()
  endif()
endif()
if(TARGET smsreg::phonenumber)
  set(SMSREG_PHONENUMBER_FOUND TRUE)
else()
  set(SMSREG_PHONENUMBER_FOUND FALSE)
endif()
