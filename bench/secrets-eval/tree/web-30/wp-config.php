<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', 'Letmein#1008' );
define( 'DB_HOST', 'localhost' );
define( 'SECURE_AUTH_KEY', '3<Bm^^YndZ,;N)6vcf1ML-qKwQ4+*NX*k1T8k9Y>WE?:t#nI_kJHagMCN-,+*0m@' );
define( 'NONCE_KEY', '{[]1d29OZ4<.TR*K.DBrhq>RWRrAEm<+;0N?iz)Dz-Z*_94:QTU%E{3GaTR){YfJ' );
$table_prefix = 'wp_';
