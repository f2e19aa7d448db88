; Inno Setup 6 script: a per-user installer for the Windows bundle (dist\rapport\).
;
; Build on Windows, from the repository root, after PyInstaller:
;   iscc /DAppVersion=0.1.0 packaging\windows\rapport.iss
; The version comes from the package (desktop/__init__.py's __version__); the release
; workflow passes it in. Result: build\dist\rapport-VERSION-windows-setup.exe
;
; Per-user: no administrator rights, installed under %LOCALAPPDATA%\Programs\Rapport.
; The uninstaller removes the program and its Start-menu entry; the user's data
; (%APPDATA%\Rapport) is never touched by installing, upgrading or uninstalling.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\rapport.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\rapport"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6A0F3C52-7D1E-4B8A-9C35-2E64F1B0D7A9}
AppName=Rapport
AppVersion={#AppVersion}
AppVerName=Rapport {#AppVersion}
AppPublisher=Rapport
AppPublisherURL=https://rapport.app
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Rapport
DefaultGroupName=Rapport
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\dist
OutputBaseFilename=rapport-{#AppVersion}-windows-setup
SetupIconFile=rapport.ico
UninstallDisplayIcon={app}\rapport.exe
UninstallDisplayName=Rapport
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder; an upgrade first removes the old program files (below),
; so nothing of an older version lingers beside the new one.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Rapport"; Filename: "{app}\rapport.exe"; AppUserModelID: "app.rapport.Rapport"
Name: "{autoprograms}\Rapport Capture"; Filename: "{app}\rapport.exe"; Parameters: "capture"; Comment: "Capture a note right after meeting someone"
Name: "{autodesktop}\Rapport"; Filename: "{app}\rapport.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\rapport.exe"; Description: "{cm:LaunchProgram,Rapport}"; Flags: nowait postinstall skipifsilent
