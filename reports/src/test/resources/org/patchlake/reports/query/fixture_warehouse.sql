-- The hand-designed fixture warehouse (see FixtureWarehouse and the expectations in the tests).
-- Two regions: EU (sites eu-ber, eu-par) and US (site us-nyc). Data as of 2026-11-20 12:00 UTC (a Friday).
-- c3 and c6 have an OS the ETL could not resolve to the catalog's products (os_unresolved_reason).
-- What to install (install_kbs, update_state.install_kb): each REQUIRED or FAILED update is planned as itself here.
-- P1 = 'Windows 11 Version 23H2 for x64-based Systems', P2 = 'Windows Server 2022'.
INSERT INTO computers VALUES
 ('c1','eu-ws-01','corp','EU','eu-ber','OU=ws','workstation',2,'P1','Windows 11','23H2','22631','x64','1.2.0','2026-01-10 09:00','2026-11-20 08:00','2026-11-19 07:00',false,NULL,true,0,NULL,NULL,['KB5000002']),
 ('c2','eu-srv-01','corp','EU','eu-ber','OU=srv','server',1,'P2','Windows Server 2022','21H2','20348','x64','1.2.0','2026-01-10 09:00','2026-11-20 08:00','2026-11-01 07:00',true,'2026-11-20 06:00',true,0,NULL,NULL,[]),
 ('c3','eu-nb-01','corp','EU','eu-par','OU=nb','notebook',3,'P1','Windows 11','23H2','22631','x64','1.2.0','2026-02-01 09:00','2026-11-10 08:00','2026-11-09 07:00',false,NULL,false,0,NULL,'OS version ''23H2'' is not an NT version such as 10.0.19045',['KB5000001']),
 ('c4','us-ws-01','corp','US','us-nyc','OU=ws','workstation',2,'P1','Windows 11','23H2','22631','x64','1.3.0','2026-03-01 09:00','2026-11-20 08:00','2026-11-08 07:00',true,'2026-11-10 00:00',true,0,NULL,NULL,[]),
 ('c5','us-bcs-01','corp','US','us-nyc','OU=srv','business_critical_server',1,'P2','Windows Server 2022','21H2','20348','x64','1.3.0','2026-03-01 09:00','2026-11-20 08:00','2026-11-15 07:00',false,NULL,true,2,'0x8024402C',NULL,['KB5000001']),
 ('c6','us-ws-02','corp','US','us-nyc','OU=ws','workstation',4,'P1',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,false,NULL,false,0,NULL,'no OS identity reported (name, version and architecture are needed)',[]);

INSERT INTO bulletins VALUES
 ('KB5000001','2026-11 Cumulative Update','Critical','Remote Code Execution','2026-11-02',NULL,2,true,false,2),
 ('KB5000002','2026-10 Security Update','Important','Elevation of Privilege','2026-10-05',NULL,1,false,false,2),
 ('MS08-067','Vulnerability in Server Service','Critical','Remote Code Execution','2008-10-23',NULL,1,true,true,1);

INSERT INTO updates VALUES
 ('KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','KB5000001','Windows 11 Version 23H2 for x64-based Systems','','Critical','Remote Code Execution','2026-11-02',true,'may_require',['KB958644']),
 ('KB5000001|Windows Server 2022','KB5000001','KB5000001','Windows Server 2022','','Critical','Remote Code Execution','2026-11-02',true,'always',['KB958644']),
 ('KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','KB5000002','Windows 11 Version 23H2 for x64-based Systems','','Important','Elevation of Privilege','2026-10-05',false,'never',[]),
 ('KB5000002|Windows Server 2022','KB5000002','KB5000002','Windows Server 2022','','Important','Elevation of Privilege','2026-10-05',false,'never',[]),
 ('KB958644|Windows Server 2022','KB958644','MS08-067','Windows Server 2022','','Critical','Remote Code Execution','2008-10-23',true,'always',[]);

INSERT INTO update_cves VALUES
 ('KB5000001','Windows 11 Version 23H2 for x64-based Systems','CVE-2026-0001'),
 ('KB5000001','Windows 11 Version 23H2 for x64-based Systems','CVE-2026-0002'),
 ('KB5000001','Windows Server 2022','CVE-2026-0001'),
 ('KB5000002','Windows 11 Version 23H2 for x64-based Systems','CVE-2026-0100'),
 ('KB958644','Windows Server 2022','CVE-2008-4250');
INSERT INTO update_supersedence VALUES ('KB958644','Windows Server 2022','KB5000001');
INSERT INTO products VALUES ('Windows 11 Version 23H2 for x64-based Systems',2), ('Windows Server 2022',3);

-- update_state (current). U1a/U1b = KB5000001 on P1/P2, U2a/U2b = KB5000002 on P1/P2, U3 = KB958644 on P2.
INSERT INTO update_state VALUES
 ('c1','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','KB5000001','Windows 11 Version 23H2 for x64-based Systems','INSTALLED','2026-11-03 10:00','2026-11-02 00:00','2026-11-03 10:00',NULL,0,'EU','eu-ber','workstation',2,NULL),
 ('c2','KB5000001|Windows Server 2022','KB5000001','KB5000001','Windows Server 2022','INSTALLED','2026-11-06 00:00','2026-11-02 00:00','2026-11-06 00:00',NULL,0,'EU','eu-ber','server',1,NULL),
 ('c3','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','KB5000001','Windows 11 Version 23H2 for x64-based Systems','REQUIRED','2026-11-02 00:00','2026-11-02 00:00',NULL,NULL,1,'EU','eu-par','notebook',3,'KB5000001'),
 ('c4','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','KB5000001','Windows 11 Version 23H2 for x64-based Systems','INSTALLED_PENDING_REBOOT','2026-11-10 00:00','2026-11-02 00:00','2026-11-10 00:00',NULL,0,'US','us-nyc','workstation',2,NULL),
 ('c5','KB5000001|Windows Server 2022','KB5000001','KB5000001','Windows Server 2022','FAILED','2026-11-08 00:00','2026-11-02 00:00',NULL,NULL,3,'US','us-nyc','business_critical_server',1,'KB5000001'),
 ('c6','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','KB5000001','Windows 11 Version 23H2 for x64-based Systems','UNKNOWN','2026-11-02 00:00','2026-11-02 00:00',NULL,NULL,0,'US','us-nyc','workstation',4,NULL),
 ('c1','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','KB5000002','Windows 11 Version 23H2 for x64-based Systems','REQUIRED','2026-10-05 00:00','2026-10-05 00:00',NULL,NULL,0,'EU','eu-ber','workstation',2,'KB5000002'),
 ('c3','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','KB5000002','Windows 11 Version 23H2 for x64-based Systems','EXEMPT','2026-10-20 00:00','2026-10-05 00:00',NULL,NULL,0,'EU','eu-par','notebook',3,NULL),
 ('c4','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','KB5000002','Windows 11 Version 23H2 for x64-based Systems','INSTALLED','2026-10-16 00:00','2026-10-05 00:00','2026-10-16 00:00',NULL,0,'US','us-nyc','workstation',2,NULL),
 ('c5','KB5000002|Windows Server 2022','KB5000002','KB5000002','Windows Server 2022','INSTALLED','2026-10-20 00:00','2026-10-05 00:00','2026-10-20 00:00',NULL,0,'US','us-nyc','business_critical_server',1,NULL),
 ('c2','KB958644|Windows Server 2022','KB958644','MS08-067','Windows Server 2022','INSTALLED','2009-01-01 00:00','2008-12-01 00:00','2009-01-01 00:00','KB5000001',0,'EU','eu-ber','server',1,NULL);

INSERT INTO bulletin_state VALUES
 ('c1','KB5000001','INSTALLED','2026-11-02 00:00','2026-11-03 10:00','EU','eu-ber','workstation',2),
 ('c2','KB5000001','INSTALLED','2026-11-02 00:00','2026-11-06 00:00','EU','eu-ber','server',1),
 ('c3','KB5000001','REQUIRED','2026-11-02 00:00',NULL,'EU','eu-par','notebook',3),
 ('c4','KB5000001','INSTALLED_PENDING_REBOOT','2026-11-02 00:00',NULL,'US','us-nyc','workstation',2),
 ('c5','KB5000001','FAILED','2026-11-02 00:00',NULL,'US','us-nyc','business_critical_server',1),
 ('c6','KB5000001','UNKNOWN','2026-11-02 00:00',NULL,'US','us-nyc','workstation',4),
 ('c1','KB5000002','REQUIRED','2026-10-05 00:00',NULL,'EU','eu-ber','workstation',2),
 ('c3','KB5000002','EXEMPT','2026-10-05 00:00',NULL,'EU','eu-par','notebook',3),
 ('c4','KB5000002','INSTALLED','2026-10-05 00:00','2026-10-16 00:00','US','us-nyc','workstation',2),
 ('c5','KB5000002','INSTALLED','2026-10-05 00:00','2026-10-20 00:00','US','us-nyc','business_critical_server',1),
 ('c2','MS08-067','INSTALLED','2008-12-01 00:00','2009-01-01 00:00','EU','eu-ber','server',1);

INSERT INTO update_state_history VALUES
 ('c1','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','REQUIRED','2026-11-02 00:00','2026-11-03 10:00','EU','eu-ber','workstation',false),
 ('c1','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','INSTALLED','2026-11-03 10:00',NULL,'EU','eu-ber','workstation',false),
 ('c2','KB5000001|Windows Server 2022','KB5000001','REQUIRED','2026-11-02 00:00','2026-11-06 00:00','EU','eu-ber','server',false),
 ('c2','KB5000001|Windows Server 2022','KB5000001','INSTALLED','2026-11-06 00:00',NULL,'EU','eu-ber','server',false),
 ('c3','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','REQUIRED','2026-11-02 00:00',NULL,'EU','eu-par','notebook',false),
 ('c4','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','REQUIRED','2026-11-02 00:00','2026-11-10 00:00','US','us-nyc','workstation',false),
 ('c4','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','INSTALLED_PENDING_REBOOT','2026-11-10 00:00',NULL,'US','us-nyc','workstation',false),
 ('c5','KB5000001|Windows Server 2022','KB5000001','REQUIRED','2026-11-02 00:00','2026-11-08 00:00','US','us-nyc','business_critical_server',false),
 ('c5','KB5000001|Windows Server 2022','KB5000001','FAILED','2026-11-08 00:00',NULL,'US','us-nyc','business_critical_server',false),
 ('c6','KB5000001|Windows 11 Version 23H2 for x64-based Systems','KB5000001','UNKNOWN','2026-11-02 00:00',NULL,'US','us-nyc','workstation',false),
 ('c1','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','REQUIRED','2026-10-05 00:00',NULL,'EU','eu-ber','workstation',false),
 ('c3','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','REQUIRED','2026-10-05 00:00','2026-10-20 00:00','EU','eu-par','notebook',false),
 ('c3','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','EXEMPT','2026-10-20 00:00',NULL,'EU','eu-par','notebook',false),
 ('c4','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','REQUIRED','2026-10-05 00:00','2026-10-06 00:00','US','us-nyc','workstation',false),
 ('c4','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','INSTALLED','2026-10-06 00:00','2026-10-15 00:00','US','us-nyc','workstation',false),
 ('c4','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','REQUIRED','2026-10-15 00:00','2026-10-16 00:00','US','us-nyc','workstation',true),
 ('c4','KB5000002|Windows 11 Version 23H2 for x64-based Systems','KB5000002','INSTALLED','2026-10-16 00:00',NULL,'US','us-nyc','workstation',false),
 ('c5','KB5000002|Windows Server 2022','KB5000002','REQUIRED','2026-10-05 00:00','2026-10-20 00:00','US','us-nyc','business_critical_server',false),
 ('c5','KB5000002|Windows Server 2022','KB5000002','INSTALLED','2026-10-20 00:00',NULL,'US','us-nyc','business_critical_server',false),
 ('c2','KB958644|Windows Server 2022','MS08-067','INSTALLED','2009-01-01 00:00',NULL,'EU','eu-ber','server',false);

-- compliance_daily: end-of-day counts on 2026-11-05 and 2026-11-10, consistent with the history above.
INSERT INTO compliance_daily VALUES
 ('2026-11-05','KB5000001','EU','eu-ber','workstation',1,1,0,0,0,0,0),
 ('2026-11-05','KB5000001','EU','eu-ber','server',1,0,0,1,0,0,0),
 ('2026-11-05','KB5000001','EU','eu-par','notebook',1,0,0,1,0,0,0),
 ('2026-11-05','KB5000001','US','us-nyc','workstation',2,0,0,1,0,0,1),
 ('2026-11-05','KB5000001','US','us-nyc','business_critical_server',1,0,0,1,0,0,0),
 ('2026-11-05','KB5000002','EU','eu-ber','workstation',1,0,0,1,0,0,0),
 ('2026-11-05','KB5000002','EU','eu-par','notebook',1,0,0,0,0,1,0),
 ('2026-11-05','KB5000002','US','us-nyc','workstation',1,1,0,0,0,0,0),
 ('2026-11-05','KB5000002','US','us-nyc','business_critical_server',1,1,0,0,0,0,0),
 ('2026-11-10','KB5000001','EU','eu-ber','workstation',1,1,0,0,0,0,0),
 ('2026-11-10','KB5000001','EU','eu-ber','server',1,1,0,0,0,0,0),
 ('2026-11-10','KB5000001','EU','eu-par','notebook',1,0,0,1,0,0,0),
 ('2026-11-10','KB5000001','US','us-nyc','workstation',2,0,1,0,0,0,1),
 ('2026-11-10','KB5000001','US','us-nyc','business_critical_server',1,0,0,0,1,0,0),
 ('2026-11-10','KB5000002','EU','eu-ber','workstation',1,0,0,1,0,0,0),
 ('2026-11-10','KB5000002','EU','eu-par','notebook',1,0,0,0,0,1,0),
 ('2026-11-10','KB5000002','US','us-nyc','workstation',1,1,0,0,0,0,0),
 ('2026-11-10','KB5000002','US','us-nyc','business_critical_server',1,1,0,0,0,0,0);

-- deliveries: policy P-1 rolls out KB5000001, P-2 KB5000002. d7 is older than 30 days before data_as_of.
INSERT INTO deliveries VALUES
 ('d1','c1','P-1','KB5000001','KB5000001|Windows 11 Version 23H2 for x64-based Systems',1,'2026-11-03 09:00','2026-11-03 10:00',0,'0x00000000','succeeded','success','EU','eu-ber'),
 ('d2','c4','P-1','KB5000001','KB5000001|Windows 11 Version 23H2 for x64-based Systems',1,'2026-11-09 22:00','2026-11-09 23:00',3010,'0x00000BC2','succeeded_reboot_required','success, reboot required','US','us-nyc'),
 ('d3','c5','P-1','KB5000001','KB5000001|Windows Server 2022',1,'2026-11-05 01:00','2026-11-05 02:00',1603,'0x00000643','failed_will_retry','fatal error during installation','US','us-nyc'),
 ('d4','c5','P-1','KB5000001','KB5000001|Windows Server 2022',2,'2026-11-06 01:00','2026-11-06 02:00',1603,'0x00000643','failed_will_retry','fatal error during installation','US','us-nyc'),
 ('d5','c5','P-1','KB5000001','KB5000001|Windows Server 2022',3,'2026-11-08 01:00','2026-11-08 02:00',1603,'0x00000643','failed','fatal error during installation','US','us-nyc'),
 ('d6','c3','P-1','KB5000001','KB5000001|Windows 11 Version 23H2 for x64-based Systems',1,'2026-11-10 01:00','2026-11-10 01:05',-2145124329,'0x80240017','failed_will_retry',NULL,'EU','eu-par'),
 ('d7','c5','P-2','KB5000002','KB5000002|Windows Server 2022',1,'2026-10-19 22:00','2026-10-19 23:00',0,'0x00000000','succeeded','success','US','us-nyc'),
 ('d8','c1','P-2','KB5000002','KB5000002|Windows 11 Version 23H2 for x64-based Systems',1,'2026-11-15 12:00',NULL,NULL,NULL,'outside_window',NULL,'EU','eu-ber');

INSERT INTO scans VALUES
 ('s1','c1','2026-11-19 08:00','2026-11-19 08:01','1.2.0',5000,0,NULL,120,false),
 ('s2','c1','2026-11-20 08:00','2026-11-20 08:01','1.2.0',4000,0,NULL,121,false),
 ('s3','c5','2026-11-20 08:00','2026-11-20 08:02','1.3.0',9000,2,'0x8024402C',80,false);

INSERT INTO exceptions VALUES
 ('e1','c3','KB5000002','alice','legacy line-of-business app','2026-10-20 00:00','2026-11-25 00:00',false,true,'2026-10-20 00:00'),
 ('e2','c1','KB5000001','bob','pilot testing','2026-10-01 00:00','2026-11-01 00:00',false,false,'2026-10-01 00:00'),
 ('e3','c5','KB5000002','carol','vendor support contract','2026-10-01 00:00','2027-03-01 00:00',false,true,'2026-10-01 00:00'),
 ('e4','c2','KB5000002','dave','revoked: the app was retired','2026-10-05 00:00','2027-01-01 00:00',true,false,'2026-10-06 00:00');

INSERT INTO policies VALUES ('P-1','Roll out KB5000001','2026-11-03 08:00'), ('P-2','Roll out KB5000002','2026-10-19 20:00');

-- Windows Update's verdicts (report 13): c1 lists KB5000002 (Patchlake: REQUIRED, both agree), KB5099999 (not in the
-- catalog: Windows Update only) and a definition update (not a security update: not compared); c2 lists nothing and
-- Patchlake requires nothing; c3 lists nothing while Patchlake requires KB5000001 (Patchlake only; KB5000002 is
-- EXEMPT, not compared); c4's search failed; c5 lists KB5000001 (FAILED in Patchlake: both); c6 sent no verdict.
INSERT INTO windows_update_searches VALUES
 ('c1','2026-11-20 08:00','2026-11-20 07:59','ONLINE','COMPLETED',NULL,NULL,[],3,2,'EU','eu-ber','workstation'),
 ('c2','2026-11-20 08:00','2026-11-20 07:59','ONLINE','COMPLETED',NULL,NULL,[],0,0,'EU','eu-ber','server'),
 ('c3','2026-11-10 08:00','2026-11-10 07:59','ONLINE','COMPLETED',NULL,NULL,[],0,0,'EU','eu-par','notebook'),
 ('c4','2026-11-20 08:00','2026-11-20 07:59','ONLINE','FAILED','0x8024402C','no connection to the update server',[],0,0,'US','us-nyc','workstation'),
 ('c5','2026-11-20 08:00','2026-11-20 07:59','ONLINE','COMPLETED',NULL,NULL,[],1,1,'US','us-nyc','business_critical_server');
INSERT INTO windows_update_missing VALUES
 ('c1','2026-11-20 08:00','2026-11-20 07:59','KB5000002','2026-10 Security Update for Windows 11 (KB5000002)','u-2','Security Updates','Important','EU','eu-ber','workstation'),
 ('c1','2026-11-20 08:00','2026-11-20 07:59','KB5099999','2026-11 Security Update for Microsoft Visual C++ (KB5099999)','u-9','Security Updates','Important','EU','eu-ber','workstation'),
 ('c1','2026-11-20 08:00','2026-11-20 07:59','KB2267602','Security Intelligence Update for Microsoft Defender Antivirus (KB2267602)','u-d','Definition Updates',NULL,'EU','eu-ber','workstation'),
 ('c5','2026-11-20 08:00','2026-11-20 07:59','KB5000001','2026-11 Cumulative Update for Windows Server 2022 (KB5000001)','u-1','Security Updates','Critical','US','us-nyc','business_critical_server');
