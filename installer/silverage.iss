; Inno Setup 6 script: installs the PyInstaller one-folder build (dist\silverage) for the current
; user (no administrator rights needed on an office PC), 64-bit Windows 10 1809 or newer.
;
; Build:  python installer\build.py --installer        (freezes, smoke-tests, then runs ISCC)
;    or:  iscc /DMyAppVersion=0.1.0 installer\silverage.iss   (after build.py has frozen the app)
; Check that it compiles anywhere (Linux + wine): installer/check_iss.sh
;
; The user's data (roster database, backups, logs) is never in the install folder: it lives in
; %LOCALAPPDATA%\silverage (or in data\ beside a portable copy), so an upgrade or an uninstall
; leaves it alone, and the uninstaller says where it is.

#ifndef MyAppVersion
  #define MyAppVersion "0.0.0"
#endif
; VersionInfoVersion takes only digits and dots (build.py passes the release part of the version).
#ifndef MyAppNumericVersion
  #define MyAppNumericVersion "0.0.0"
#endif
#ifndef PayloadDir
  #define PayloadDir "..\dist\silverage"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#define MyAppName "银龄 silverage"
#define MyAppPublisher "银龄 silverage 项目"
#define MyAppURL "https://github.com/silverage/silverage"
#define MyAppExe "silverage-gui.exe"

[Setup]
AppId={{6B3C1F7E-5A8E-4C1B-9D5E-1A0E5C2F7B11}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppVerName={#MyAppName} {#MyAppVersion}
AppPublisher={#MyAppPublisher}
AppPublisherURL={#MyAppURL}
AppSupportURL={#MyAppURL}/issues
AppUpdatesURL={#MyAppURL}/releases
AppComments=独居空巢老人花名册、三色分级与志愿者探访 (roster, care levels and volunteer visits)
VersionInfoVersion={#MyAppNumericVersion}
VersionInfoProductName={#MyAppName}
VersionInfoCompany={#MyAppPublisher}
DefaultDirName={autopf}\silverage
DefaultGroupName=银龄
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
; Python 3.11 and Qt 6 start on 64-bit Windows 10 1809 (build 17763) or newer only.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\resources\icons\silverage.ico
UninstallDisplayIcon={app}\{#MyAppExe}
UninstallDisplayName={#MyAppName}
CloseApplications=yes
OutputDir={#OutputDir}
OutputBaseFilename=silverage-setup-{#MyAppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "chinesesimp"; MessagesFile: "ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimp.AppShortName=银龄
english.AppShortName=silverage
chinesesimp.DemoShortcut=银龄（演示数据）
english.DemoShortcut=silverage (demo data)
chinesesimp.DataKept=银龄的数据（花名册数据库、备份和日志）没有删除，仍在：%n%n%1%n%n重新安装后即可继续使用；如确定不再需要，可手动删除这个文件夹（其中有老人的个人信息，请妥善处理）。
english.DataKept=silverage's data (the roster database, its backups and the logs) was kept in:%n%n%1%n%nA new install picks it up again; if it is really no longer needed, delete that folder yourself (it holds personal data: dispose of it with care).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program files as a whole: what an older version shipped and this one does
; not (a library it no longer needs) must not stay behind to be loaded by mistake.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#PayloadDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\{cm:AppShortName}"; Filename: "{app}\{#MyAppExe}"; IconFilename: "{app}\{#MyAppExe}"
Name: "{group}\{cm:DemoShortcut}"; Filename: "{app}\{#MyAppExe}"; Parameters: "--demo"; IconFilename: "{app}\{#MyAppExe}"
Name: "{group}\{cm:UninstallProgram,{cm:AppShortName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppShortName}"; Filename: "{app}\{#MyAppExe}"; IconFilename: "{app}\{#MyAppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExe}"; Description: "{cm:LaunchProgram,{cm:AppShortName}}"; Flags: nowait postinstall skipifsilent

[Code]
// Where silverage keeps its data on this PC: platformdirs' user data folder (paths.data_dir).
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\silverage');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;
