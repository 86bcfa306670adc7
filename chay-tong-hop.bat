@echo off
rem giamngheo on Windows, where there is no `make`: double-click this file to consolidate
rem input\ into output\ (what `make` does). The first run creates .venv\ with Python 3.11
rem and installs the pinned dependencies from PyPI. Arguments are passed on to `run`
rem (chay-tong-hop.bat --period 2024-04). ASCII only: cmd reads this file in the OEM code page.
setlocal
cd /d "%~dp0"
if exist ".venv\.installed-stamp" goto :run
echo Lan dau chay: dang cai dat giamngheo vao thu muc .venv, can Internet, vai phut...
py -3.11 -m venv .venv 2>nul
if errorlevel 1 python -m venv .venv
if errorlevel 1 goto :no_python
".venv\Scripts\python.exe" -m pip install --quiet --upgrade pip
".venv\Scripts\python.exe" -m pip install --quiet -e .
if errorlevel 1 goto :not_installed
type nul > ".venv\.installed-stamp"
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
rmdir /s /q .venv
pause
exit /b 2
