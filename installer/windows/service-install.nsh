  ; State and configuration of the sync daemon: %ProgramData%\CNAP (owner-only
  ; for SYSTEM and Administrators: it may hold a database password).
  SetShellVarContext all
  CreateDirectory "$APPDATA\CNAP"
  CreateDirectory "$APPDATA\CNAP\state"
  nsExec::ExecToLog 'icacls "$APPDATA\CNAP" /inheritance:r /grant:r "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F"'
  IfFileExists "$APPDATA\CNAP\syncd.conf" cnap_conf_done
    IfFileExists "$INSTDIR\etc\syncd.conf" 0 cnap_conf_done
      CopyFiles /SILENT "$INSTDIR\etc\syncd.conf" "$APPDATA\CNAP\syncd.conf"
  cnap_conf_done:
  ; The daemon as a service (Poco::Util::ServerApplication): registered to start
  ; manually; the administrator sets the database URL and certificates in
  ; syncd.conf first, then:  sc config cnap-syncd start= auto  and  sc start cnap-syncd
  ; Poco records only the executable's path for the service, no arguments: as a
  ; service the daemon must find C:\ProgramData\CNAP\syncd.conf by itself.
  ; The same by hand (an elevated prompt):
  ;   "C:\Program Files\CNAP Workstation\bin\cnap-syncd.exe" /registerService "/displayName=CNAP sync daemon" /startup=manual
  ;   "C:\Program Files\CNAP Workstation\bin\cnap-syncd.exe" /unregisterService
  IfFileExists "$INSTDIR\bin\cnap-syncd.exe" 0 cnap_service_done
    nsExec::ExecToLog '"$INSTDIR\bin\cnap-syncd.exe" /registerService "/displayName=CNAP sync daemon" "/description=CNAP registry exchange (X-Road / Trembita) from the outbox" /startup=manual'
  cnap_service_done:
  SetShellVarContext current
