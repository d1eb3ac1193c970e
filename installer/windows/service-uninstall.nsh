  ; Stop and remove the service; %ProgramData%\CNAP (configuration, state,
  ; possibly personal data) is left for the administrator to keep or delete.
  nsExec::ExecToLog 'sc stop cnap-syncd'
  IfFileExists "$INSTDIR\bin\cnap-syncd.exe" 0 cnap_unservice_done
    nsExec::ExecToLog '"$INSTDIR\bin\cnap-syncd.exe" /unregisterService'
  cnap_unservice_done:
