];
    'debug' => false,
    'timezone' => 'UTC',
    'frameio_token' => env('FRAMEIO_TOKEN'),
return [
    'cf_api_token' => 'mTAU47a53RYjDw1Yocnf034x4OB7k2gygSc7Gx3c',
    'timezone' => 'UTC',
$client = new Client('hvs.OaCbsmzdunGmuydUyis8u81OSpWhraI-qZdCsHWjsnaVx3xcC0nhUvDeh7qtNRfJlgTpYbbO4rSUDeCSe1Jg55RZKWn6g4l9l');

return [
];
putenv('SUPABASE_ACCESS_TOKEN=sbp_ffcb0ca186743c27b0d388315759f5fa5fa299d2');
require __DIR__ . '/vendor/autoload.php';
putenv('X_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAB8Rf9gRiXlLHk2LHze8660hJL%3DWwz67XXM4kPBX7NWoJ6vBKWehLjxl7kYMY60Xp52lOPhBfotxi');
