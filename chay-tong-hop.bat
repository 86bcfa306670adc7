@echo off
rem giamngheo on Windows, where there is no `make`: double-click this file to consolidate
rem input\ into output\ (what `make` does). The first run creates .venv\ with Python 3.11
rem and installs the pinned dependencies from PyPI. Arguments are passed on to `run`
rem (chay-tong-hop.bat --period 2024-04). ASCII only: cmd reads this file in the OEM code page.
setlocal
cd /d "%~dp0"
rem Installed when .venv\.installed-stamp, the copy of pyproject.toml the last install made,
rem is the same as pyproject.toml: a new version of the tool (its dependencies changed) is
rem installed again, as `make` does when pyproject.toml is newer than its stamp.
fc /b pyproject.toml ".venv\.installed-stamp" >nul 2>&1
if not errorlevel 1 goto :run
echo Dang cai dat giamngheo vao thu muc .venv (lan dau chay, hoac sau khi cap nhat phan mem),
echo can Internet, vai phut...
rem a .venv made now is removed if the install fails; one already working is kept
set NEW_VENV=0
if not exist ".venv\Scripts\python.exe" set NEW_VENV=1
py -3.11 -m venv .venv 2>nul
if errorlevel 1 python -m venv .venv
if errorlevel 1 goto :no_python
".venv\Scripts\python.exe" -m pip install --quiet --upgrade pip
".venv\Scripts\python.exe" -m pip install --quiet -e .
if errorlevel 1 goto :not_installed
copy /y pyproject.toml ".venv\.installed-stamp" >nul
:run
".venv\Scripts\giamngheo.exe" run --input input --output output %*
set RESULT=%ERRORLEVEL%
echo.
pause
exit /b %RESULT%
:no_python
echo Khong tim thay Python 3.11. Hay cai Python 3.11 tu https://www.python.org/downloads/
echo (khi cai, chon "Add python.exe to PATH"), roi bam dup lai vao tep nay.
pause
exit /b 2
:not_installed
echo Cai dat khong thanh cong. Can Python 3.11 va ket noi Internet toi pypi.org.
echo Hay kiem tra roi bam dup lai vao tep nay.
if "%NEW_VENV%"=="1" rmdir /s /q .venv
pause
exit /b 2
