-- Reference data created in every snapshot's database beside the views.
-- Windows Update / MSI return codes and what they mean, keyed by the unsigned 32-bit value (0x80240017 =
-- 2149843991), so a code stored signed or unsigned by ETL finds its meaning: (return_code & 4294967295).
CREATE TABLE return_code_meanings AS SELECT * FROM (VALUES
  (0, 'success'),
  (1641, 'success, restart initiated'),
  (3010, 'success, reboot required'),
  (1603, 'fatal error during installation'),
  (1618, 'another installation is already in progress'),
  (1619, 'installation package could not be opened'),
  (2149842967, 'WU_E_NOT_APPLICABLE (0x80240017): update not applicable to this computer'),
  (2149842978, 'WU_E_ALL_UPDATES_FAILED (0x80240022): operation failed for all updates'),
  (2149859372, 'WU_E_PT_WINHTTP_NAME_NOT_RESOLVED (0x8024402C): proxy or server name not resolved'),
  (2149842976, 'WU_E_INSTALL_NOT_ALLOWED (0x80240020): no user logged on or install not allowed now'),
  (2147942405, 'E_ACCESSDENIED (0x80070005): access denied'),
  (2147944003, 'ERROR_INSTALL_FAILURE (0x80070643): fatal error during installation'),
  (2148468767, 'CBS_E_SOURCE_MISSING (0x800F081F): source files not found'),
  (2148469026, '0x800F0922: servicing could not complete (e.g. system reserved partition full)')
) AS t(code, meaning);
