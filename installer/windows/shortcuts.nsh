  ; Start-menu shortcuts: the clerk's workstation and its other modes.  ASCII
  ; file names: whether CPack 3.25's NSIS template builds a Unicode installer
  ; has not been checked (docs/windows-build.md); the programs themselves show
  ; Ukrainian titles.
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\CNAP Workstation.lnk" "$INSTDIR\bin\cnap-workstation.exe" "" "$INSTDIR\bin\cnap-workstation.exe" 0
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\CNAP Supervisor console.lnk" "$INSTDIR\bin\cnap-workstation.exe" "--mode supervisor" "$INSTDIR\bin\cnap-workstation.exe" 0
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\CNAP Queue kiosk.lnk" "$INSTDIR\bin\cnap-workstation.exe" "--mode kiosk" "$INSTDIR\bin\cnap-workstation.exe" 0
  CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\CNAP Hall display.lnk" "$INSTDIR\bin\cnap-workstation.exe" "--mode display" "$INSTDIR\bin\cnap-workstation.exe" 0
