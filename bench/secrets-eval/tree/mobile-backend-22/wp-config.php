<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_user' );
define( 'DB_PASSWORD', 'muffin-coffee-mountain' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_SALT', '>v%R*(bVMqYWzp).m~I_Ca#Sq,Pb:g%T},J{h#5IN?Uh6Z1AJGu;t+bRzq*_v?@&' );
define( 'SECURE_AUTH_KEY', 'Pvy*K5sj1VQwawG-q;jH|ZOMZ*=E)Y[FAVUhQ?F63cB9aq<Nef?J@l):~9AO8|s*' );
$table_prefix = 'wp_';
