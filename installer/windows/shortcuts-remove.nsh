  Delete "$SMPROGRAMS\$MUI_TEMP\CNAP Workstation.lnk"
  Delete "$SMPROGRAMS\$MUI_TEMP\CNAP Supervisor console.lnk"
  Delete "$SMPROGRAMS\$MUI_TEMP\CNAP Queue kiosk.lnk"
  Delete "$SMPROGRAMS\$MUI_TEMP\CNAP Hall display.lnk"
