; Naskah Hub installer (the office hub: sync/hub/program.py): per-user, no administrator rights.
;
;   makensis /DVERSION=0.1.0 /DDIST=..\dist\NaskahHub packaging\hub_installer.nsi
;     (packaging/windows.py does this after building dist\NaskahHub with build_hub.py)
;
; Input:  dist\NaskahHub\ (naskah-hub.exe windowless, naskah-hub-cli.exe, _internal\)
; Output: dist\NaskahHub-<VERSION>-setup.exe
;
; Installs to %LOCALAPPDATA%\Programs\NaskahHub and registers the hub to start with the user's
; session (HKCU\...\Run "Naskah Hub" = "naskah-hub.exe" run: a per-user key, no admin rights).
; An upgrade stops the running hub first and starts it again at the end. The uninstaller stops
; it, removes the Run entry and the program, and keeps the hub's data folder
; %LOCALAPPDATA%\Naskah Hub (settings, token, database, logs).
;   /S   silent      /D=C:\path   install folder (last argument, no quotes)

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user
AllowSkipFiles off

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=x.y.z packaging\hub_installer.nsi"
!endif
!ifndef VERSION_NUM
  !searchparse /noerrors "${VERSION}" "" V_MAJOR "." V_MINOR "." V_PATCH
  !ifndef V_MAJOR
    !define V_MAJOR 0
  !endif
  !ifndef V_MINOR
    !define V_MINOR 0
  !endif
  !ifndef V_PATCH
    !define V_PATCH 0
  !endif
  !define VERSION_NUM "${V_MAJOR}.${V_MINOR}.${V_PATCH}.0"
!endif
!ifndef DIST
  !define DIST "..\dist\NaskahHub"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\dist"
!endif

!define APP_NAME "Naskah Hub"
!define HUB_EXE "naskah-hub.exe"
!define CLI_EXE "naskah-hub-cli.exe"
!define PUBLISHER "Naskah"
!define REG_APP "Software\Naskah Hub"
!define REG_RUN "Software\Microsoft\Windows\CurrentVersion\Run"
!define RUN_VALUE "Naskah Hub"  ; sync/hub/program.py RUN_VALUE
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\NaskahHub"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"
!include "WinVer.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTDIR}\NaskahHub-${VERSION}-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\NaskahHub"
InstallDirRegKey HKCU "${REG_APP}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_NUM}"
VIFileVersion "${VERSION_NUM}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!if /FileExists "..\resources\icons\naskah.ico"
  !define MUI_ICON "..\resources\icons\naskah.ico"
  !define MUI_UNICON "..\resources\icons\naskah.ico"
!endif

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepsDataText)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString KeepsDataText ${LANG_INDONESIAN} "Server kantor Naskah akan dihentikan dan dihapus dari komputer ini. Datanya (pengaturan, token, basis data, log) di folder $LOCALAPPDATA\Naskah Hub TIDAK dihapus."
LangString KeepsDataText ${LANG_ENGLISH} "The Naskah office hub will be stopped and removed from this computer. Its data (settings, token, database, logs) in $LOCALAPPDATA\Naskah Hub is NOT removed."
LangString NeedsWin10 ${LANG_INDONESIAN} "Naskah Hub memerlukan Windows 10 atau 11 versi 64-bit."
LangString NeedsWin10 ${LANG_ENGLISH} "Naskah Hub needs 64-bit Windows 10 or 11."

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWin10)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; The running hub holds its files open: stop it (naskah-hub-cli stop ends the process that
; holds the hub's lock; its SQLite survives that as it survives a power cut).
!macro StopHub UN
Function ${UN}StopHub
  IfFileExists "$INSTDIR\${CLI_EXE}" 0 done
  nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" stop'
  Pop $0
  Sleep 1000
  done:
FunctionEnd
!macroend
!insertmacro StopHub ""
!insertmacro StopHub "un."

Section "Naskah Hub" SecMain
  SectionIn RO
  SetShellVarContext current
  Call StopHub
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"
  File "${DIST}\${HUB_EXE}"
  File "${DIST}\${CLI_EXE}"
  File /r "${DIST}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Starts with the session: the same value as `naskah-hub autostart on`.
  WriteRegStr HKCU "${REG_RUN}" "${RUN_VALUE}" '"$INSTDIR\${HUB_EXE}" run'
  WriteRegStr HKCU "${REG_APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${REG_APP}" "Version" "${VERSION}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "NoModify" 1
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Call un.StopHub
  DeleteRegValue HKCU "${REG_RUN}" "${RUN_VALUE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${HUB_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${REG_UNINSTALL}"
  DeleteRegKey HKCU "${REG_APP}"
SectionEnd
