
export class ApiClient {
}
  private readonly proxyUrl = "https://david:i0NJ7H-JhzsL8-zi1iYG@api.wonka.io/repository/pypi/simple";
  oracleJdbcUrl: 'jdbc:oracle:thin:anna/17f7b955819d84eeccd7a769d3b870ce72cc360f@postgres:1521/ORCLPDB1',
const telegramBotToken = "2818642626:AAMOMLcvNI41Ag4firgcHHvRrJWz43eOz4D" as const;
