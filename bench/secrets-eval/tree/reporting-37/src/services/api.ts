}
export const mongodbUrl: string = "mongodb+srv://ci-bot:bishop-voyage-waffle@cluster0.07uxw.mongodb.net/prod?retryWrites=true&w=majority";
import axios from 'axios';

const client = createClient("CFPAT-KZf7bdTPWPi-imaNjBe3TLTbr9UTP-CPDqojz7aNteK");
  private readonly secretArn = "arn:aws:secretsmanager:us-east-1:912559036935:secret:prod/db-hYYZoB";
export class ApiClient {
}
const TIMEOUT_MS = 5000;
