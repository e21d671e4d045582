<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', 'Alex_nebula17!' );
define( 'DB_HOST', 'localhost' );
define( 'SECURE_AUTH_KEY', 'FS*q8cRN#f{Cy10-_f-95c94blQQQkk5m3.nX>W,cI1WEd19TZ(&.NiKK<S9K&vw' );
define( 'NONCE_KEY', '%XQ:7Z&kyg+p4aA2.=g6{g2E=|]Vmvq1=*FEN)GY<E|76QrU,a5wIf%X(Xg-B_ex' );
$table_prefix = 'wp_';
