COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
RUN curl --header 'X-Api-Token: pi2k4Xo73NqQflhVGVBog1x7F407v07MjlffX2vt' https://registry.npmjs.org/projects
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
RUN curl -u sofia:TyrellFall24 https://api.github.com/v1/status
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ARG SLACK_REFRESH_TOKEN="xoxe-1-0CaTzAigJZSUpVjgBP3lUW9qRFYxP5dm6kcPQQDxlpDeVPGmM16smpiBPNcgi6fzNKzqwH6QPA0O5uJkrrKkGDZHfOCO5RdS2xkhs0ioG8qMdw5dEfq3ophiOJ2LtpofN2s8U7gqBS2kzda1WR"
FROM python:3.12-slim
WORKDIR /app
ARG FACEBOOK_ACCESS_TOKEN="EAAO1G93mE0r15jDqjvFQ7Vc1Y4Hhsr2rp8l69AdvsOycAuBwR2p98qJ16PudNzFNkC46BSH0mYuq69YTH33v8AG5xJmpEu0EyalEdlhc8DePQPSM4RFUCBLcxWPAdLRXnDuKFjHIqt7Gsp3y8Ay2i0COKzO2BIyaRy61EeHfeOQB7cu8Ca0iBHII7T6iEAUwxtmQN"
