; Inno Setup script: installs the PyInstaller one-folder build for the current user
; (no administrator rights needed on an office PC) with a Start-menu shortcut to silverage-gui.
; Build: pyinstaller installer/silverage.spec, then  iscc installer\silverage.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{6B3C1F7E-5A8E-4C1B-9D5E-1A0E5C2F7B11}
AppName=银龄 silverage
AppVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\silverage
DefaultGroupName=银龄
PrivilegesRequired=lowest
OutputBaseFilename=silverage-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "chinesesimp"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\silverage\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\银龄"; Filename: "{app}\silverage-gui.exe"
Name: "{group}\银龄（演示数据）"; Filename: "{app}\silverage-gui.exe"; Parameters: "--demo"
Name: "{userdesktop}\银龄"; Filename: "{app}\silverage-gui.exe"

[Run]
Filename: "{app}\silverage-gui.exe"; Description: "启动银龄"; Flags: nowait postinstall skipifsilent
