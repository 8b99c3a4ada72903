# Build the Windows installer in one command, on a Windows 10/11 x64 machine or a hosted runner:
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Needs Python 3.11+ (64-bit) on PATH and Inno Setup 6 (https://jrsoftware.org/isdl.php, or
# "choco install innosetup"). Makes a fresh venv in .venv-build, installs silverage with its
# PostgreSQL driver, freezes and smoke-tests it (installer\build.py), then compiles
# installer\silverage.iss with the package's version: dist\silverage-setup-<version>.exe.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
& $python -c "import struct, sys; assert sys.version_info >= (3, 11) and struct.calcsize('P') == 8, 'need 64-bit Python 3.11+'"
if ($LASTEXITCODE -ne 0) { throw "Python 3.11+ (64-bit) is needed" }

if (-not (Test-Path .venv-build)) { & $python -m venv .venv-build }
$venvPython = Join-Path (Resolve-Path .venv-build) "Scripts\python.exe"
& $venvPython -m pip install --upgrade pip
if ($LASTEXITCODE -ne 0) { throw "pip upgrade failed" }
& $venvPython -m pip install ".[postgres]"
if ($LASTEXITCODE -ne 0) { throw "pip install .[postgres] failed" }

# Freeze, smoke-test (demo, selftest, PostgreSQL driver, portable mode) and run ISCC with
# /DMyAppVersion from pyproject.toml. build.py finds ISCC on PATH or in Program Files.
$env:QT_QPA_PLATFORM = "offscreen"
& $venvPython installer\build.py --installer
if ($LASTEXITCODE -ne 0) { throw "installer\build.py failed (see above)" }
Get-ChildItem dist\silverage-setup-*.exe | ForEach-Object { "built: $($_.FullName) ($([math]::Round($_.Length / 1MB)) MiB)" }
