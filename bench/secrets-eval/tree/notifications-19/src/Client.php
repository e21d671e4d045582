require __DIR__ . '/vendor/autoload.php';
<?php

return [
define('BUILDKITE_API_TOKEN', 'bkua_ce6ebd82b99e4b8d63b71693218c4622ea276622');

return [
putenv('CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-NbT-o0XJSQ59VaZMUiRSZFDLWj9N0VMact0WdiLpCtm');
$herokuApiKey = "24d16df7-5af9-4c5d-a30e-54f7f0b7b6fd";
require __DIR__ . '/vendor/autoload.php';
