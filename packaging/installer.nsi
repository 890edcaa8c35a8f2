; Naskah installer: per-user, no administrator rights, silent-capable.
;
;   makensis /DVERSION=0.1.0 packaging\installer.nsi
;     (python packaging\build.py --installer does this with the version of sync/__init__.py)
;
; Input:  dist\Naskah\  (PyInstaller one-folder output: Naskah.exe, naskah-cli.exe, _internal\)
; Output: dist\Naskah-<VERSION>-setup.exe
;
; Installs to %LOCALAPPDATA%\Programs\Naskah for the current user only (like VS Code's user
; installer), so an office clerk's account without admin rights can install and update it.
; Command line:
;   /S               silent install (no pages; exit code 0 = success, 2 = aborted)
;   /NODESKTOP       no desktop shortcut
;   /D=C:\path       install folder (must be the last argument, no quotes)
; The uninstaller removes the program only. The office's data (database, backups, logs, keys)
; lives in %LOCALAPPDATA%\Naskah, or wherever --data-dir / NASKAH_DATA_DIR points, and is kept.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 32  ; MB; the default 8 misses repeats further apart in the bundle
RequestExecutionLevel user
AllowSkipFiles off   ; a file that cannot be written aborts instead of being skipped

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=x.y.z packaging\installer.nsi"
!endif
; Windows wants four numbers in the file version resource: 0.1.0 -> 0.1.0.0
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
  !define DIST "..\dist\Naskah"   ; makensis runs from this script's folder
!endif
!ifndef OUTDIR
  !define OUTDIR "..\dist"
!endif

!define APP_NAME "Naskah"
!define APP_EXE "Naskah.exe"
!define CLI_EXE "naskah-cli.exe"
!define PUBLISHER "Naskah"
!define REG_APP "Software\Naskah"
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\Naskah"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"
!include "WinVer.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTDIR}\Naskah-${VERSION}-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\Naskah"
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

; --- pages ------------------------------------------------------------------------------------
!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepsDataText)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Bahasa Indonesia first: it is the default; Windows in English gets English.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString KeepsDataText ${LANG_INDONESIAN} "Program Naskah akan dihapus dari komputer ini. Data kantor (basis data surat, cadangan, log, kunci tanda tangan) di folder $LOCALAPPDATA\Naskah TIDAK dihapus; hapus sendiri hanya bila sudah dicadangkan atau tidak diperlukan lagi."
LangString KeepsDataText ${LANG_ENGLISH} "Naskah will be removed from this computer. The office data (letter database, backups, logs, signing keys) in $LOCALAPPDATA\Naskah is NOT removed; delete it yourself only once it is backed up or no longer needed."
LangString NeedsWin10 ${LANG_INDONESIAN} "Naskah memerlukan Windows 10 atau 11 versi 64-bit."
LangString NeedsWin10 ${LANG_ENGLISH} "Naskah needs 64-bit Windows 10 or 11."
LangString AppRunning ${LANG_INDONESIAN} "Naskah sedang berjalan. Tutup semua jendela Naskah, lalu klik Coba Lagi."
LangString AppRunning ${LANG_ENGLISH} "Naskah is running. Close every Naskah window, then click Retry."

; --- helpers ----------------------------------------------------------------------------------

; Files of a running Naskah (either exe) cannot be replaced: ask to close it; a silent install
; gives up with exit code 2 rather than leave a mix of two versions.
!macro WaitUntilClosed UN
Function ${UN}WaitUntilClosed
  retry:
  StrCpy $1 "${APP_EXE}"
  Call ${UN}IsLocked
  StrCmp $0 "1" locked
  StrCpy $1 "${CLI_EXE}"
  Call ${UN}IsLocked
  StrCmp $0 "1" locked
  Return
  locked:
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
  SetErrorLevel 2
  Quit
FunctionEnd

; $0 = 1 when $INSTDIR\$1 exists and cannot be opened for writing (a running program).
Function ${UN}IsLocked
  StrCpy $0 "0"
  IfFileExists "$INSTDIR\$1" 0 done
  ClearErrors
  FileOpen $2 "$INSTDIR\$1" a
  IfErrors 0 +3
  StrCpy $0 "1"
  Goto done
  FileClose $2
  done:
FunctionEnd
!macroend
!insertmacro WaitUntilClosed ""
!insertmacro WaitUntilClosed "un."

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

; --- install ----------------------------------------------------------------------------------
Section "Naskah" SecMain
  SectionIn RO
  SetShellVarContext current
  Call WaitUntilClosed

  SetOutPath "$INSTDIR"
  ; An update must not leave the previous version's modules next to the new ones.
  RMDir /r "$INSTDIR\_internal"
  File "${DIST}\${APP_EXE}"
  File "${DIST}\${CLI_EXE}"
  File /r "${DIST}\_internal"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\Naskah.lnk" "$INSTDIR\${APP_EXE}"
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $R1
  ${If} ${Errors}
    CreateShortcut "$DESKTOP\Naskah.lnk" "$INSTDIR\${APP_EXE}"
  ${EndIf}

  WriteRegStr HKCU "${REG_APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${REG_APP}" "Version" "${VERSION}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "NoModify" 1
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${REG_UNINSTALL}" "EstimatedSize" "$0"
SectionEnd

; --- uninstall --------------------------------------------------------------------------------
; Only what the installer put there: never a recursive delete of $INSTDIR itself, in case
; someone installed into a folder that holds other files (or their data).
Section "Uninstall"
  Call un.WaitUntilClosed
  Delete "$DESKTOP\Naskah.lnk"
  Delete "$SMPROGRAMS\Naskah.lnk"

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${REG_UNINSTALL}"
  DeleteRegKey HKCU "${REG_APP}"
SectionEnd
